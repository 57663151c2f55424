import type { GeoPoint, HazardUnitKind } from '../../contract';
import type { SubstanceInput } from '../gb18218/assess-hazard-source';

export interface RegisterHazardSource {
  type: 'RegisterHazardSource';
  hazardSourceId: string;
  enterpriseId: string;
  enterpriseName: string;
  /** The enterprise's jurisdiction: the unit is supervised where its enterprise is. */
  jurisdiction: string;
  name: string;
  unitKind: HazardUnitKind;
  location: GeoPoint;
  exposedPopulation: number;
  substances: SubstanceInput[];
  now: Date;
}

/** Only the parts named change; each part that really changes is one event. */
export interface ReviseHazardSource {
  type: 'ReviseHazardSource';
  name?: string;
  exposedPopulation?: number;
  substances?: SubstanceInput[];
  now: Date;
}

export interface RetireHazardSource {
  type: 'RetireHazardSource';
  reason: string;
  now: Date;
}

export type HazardSourceCommand = RegisterHazardSource | ReviseHazardSource | RetireHazardSource;
