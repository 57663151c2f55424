import { EventRegistry } from '@app/event-sourcing/events';
import type { GeoPoint, HazardUnitKind } from '../../contract';
import type { HazardAssessment, SubstanceInput } from '../gb18218/assess-hazard-source';

/** A substance as declared (what the enterprise said), kept beside the assessment made from it. */
export type DeclaredSubstance = Required<{
  [K in keyof SubstanceInput]: Exclude<SubstanceInput[K], undefined>;
}>;

/**
 * 登记: a production or storage unit of an enterprise with its substances. The assessment made at that moment is
 * recorded with the declaration, so the history shows what the unit was identified as then, even after the
 * standard's data in the code is corrected.
 */
export interface HazardSourceRegistered {
  type: 'HazardSourceRegistered';
  data: {
    hazardSourceId: string;
    enterpriseId: string;
    enterpriseName: string;
    jurisdiction: string;
    name: string;
    unitKind: HazardUnitKind;
    location: GeoPoint;
    exposedPopulation: number;
    substances: DeclaredSubstance[];
    assessment: HazardAssessment;
    registeredAt: string;
  };
}

export interface HazardSourceRenamed {
  type: 'HazardSourceRenamed';
  data: { hazardSourceId: string; name: string; previousName: string; at: string };
}

/** 物质及数量变更: recomputed. */
export interface HazardSubstancesChanged {
  type: 'HazardSubstancesChanged';
  data: { hazardSourceId: string; substances: DeclaredSubstance[]; assessment: HazardAssessment; at: string };
}

/** 暴露人员数变更 (sets α): recomputed. */
export interface HazardExposedPopulationChanged {
  type: 'HazardExposedPopulationChanged';
  data: {
    hazardSourceId: string;
    exposedPopulation: number;
    previous: number;
    assessment: HazardAssessment;
    at: string;
  };
}

/** 核销: the unit no longer exists (dismantled, emptied for good); it stays in the history, not in the register. */
export interface HazardSourceRetired {
  type: 'HazardSourceRetired';
  data: { hazardSourceId: string; reason: string; at: string };
}

export type HazardSourceEvent =
  | HazardSourceRegistered
  | HazardSourceRenamed
  | HazardSubstancesChanged
  | HazardExposedPopulationChanged
  | HazardSourceRetired;

export const hazardSourceEvents = EventRegistry.of<HazardSourceEvent>({
  HazardSourceRegistered: {},
  HazardSourceRenamed: {},
  HazardSubstancesChanged: {},
  HazardExposedPopulationChanged: {},
  HazardSourceRetired: {},
});
