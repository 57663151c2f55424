import type { HiddenHazardGrade, HiddenHazardSource, SupervisionLevel } from '../../contract';
import type { HiddenHazardActor, JurisdictionStep } from './hidden-hazard.types';

export interface RecordHiddenHazard {
  type: 'RecordHiddenHazard';
  hiddenHazardId: string;
  enterpriseId: string;
  enterpriseName: string;
  /** The enterprise's jurisdiction: the hazard is supervised where its enterprise is. */
  jurisdiction: string;
  hazardSourceId: string | null;
  hazardSourceName: string | null;
  title: string;
  description: string;
  grade: HiddenHazardGrade;
  standard: string | null;
  source: HiddenHazardSource;
  foundAt: Date;
  foundBy: string;
  rectification: { measures: string; deadline: Date; responsible: { name: string; phone: string | null } };
  actor: HiddenHazardActor;
  now: Date;
}

/** 挂牌督办 at a government level; `line` is the hazard's jurisdiction and every one above it, nearest first. */
export interface SuperviseHiddenHazard {
  type: 'SuperviseHiddenHazard';
  level: SupervisionLevel;
  line: readonly JurisdictionStep[];
  actor: HiddenHazardActor;
  now: Date;
}

/** 整改完成: the enterprise reports the measures done. */
export interface RectifyHiddenHazard {
  type: 'RectifyHiddenHazard';
  note: string;
  actor: HiddenHazardActor;
  now: Date;
}

/** 验收: passed, or failed and sent back to rectification. */
export interface VerifyHiddenHazard {
  type: 'VerifyHiddenHazard';
  passed: boolean;
  note: string;
  /** A failed 验收 may set the next round's deadline (after now); none keeps the current one. */
  deadline?: Date | null;
  line: readonly JurisdictionStep[];
  actor: HiddenHazardActor;
  now: Date;
}

/** 延期: a later rectification deadline, while the hazard is being rectified. */
export interface ExtendHiddenHazardDeadline {
  type: 'ExtendHiddenHazardDeadline';
  deadline: Date;
  reason: string;
  line: readonly JurisdictionStep[];
  actor: HiddenHazardActor;
  now: Date;
}

/** 销号. */
export interface CloseHiddenHazard {
  type: 'CloseHiddenHazard';
  line: readonly JurisdictionStep[];
  actor: HiddenHazardActor;
  now: Date;
}

export type HiddenHazardCommand =
  | RecordHiddenHazard
  | SuperviseHiddenHazard
  | RectifyHiddenHazard
  | VerifyHiddenHazard
  | ExtendHiddenHazardDeadline
  | CloseHiddenHazard;
