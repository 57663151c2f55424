import { EventRegistry } from '@app/event-sourcing/events';
import type { HiddenHazardGrade, HiddenHazardSource, SupervisionLevel } from '../../contract';

/** Who did it, as named when it was done (the read model shows the name, the id is for the audit trail). */
export interface HiddenHazardPersonRef {
  id: string;
  name: string;
}

/** 登记: found, graded, with its rectification plan (措施、期限、责任人). */
export interface HiddenHazardRecorded {
  type: 'HiddenHazardRecorded';
  data: {
    hiddenHazardId: string;
    enterpriseId: string;
    enterpriseName: string;
    jurisdiction: string;
    hazardSourceId: string | null;
    hazardSourceName: string | null;
    title: string;
    description: string;
    grade: HiddenHazardGrade;
    standard: string | null;
    source: HiddenHazardSource;
    foundAt: string;
    foundBy: string;
    rectification: { measures: string; deadline: string; responsible: { name: string; phone: string | null } };
    recordedAt: string;
    by: HiddenHazardPersonRef;
  };
}

/** 挂牌督办 (or raised to a higher level). */
export interface HiddenHazardSupervised {
  type: 'HiddenHazardSupervised';
  data: {
    hiddenHazardId: string;
    level: SupervisionLevel;
    /** The supervising government's jurisdiction: the ancestor of the hazard's at that level. */
    jurisdiction: string;
    previousLevel: SupervisionLevel | null;
    at: string;
    by: HiddenHazardPersonRef;
  };
}

/** 整改完成, awaiting 验收. */
export interface HiddenHazardRectified {
  type: 'HiddenHazardRectified';
  data: { hiddenHazardId: string; note: string; at: string; by: HiddenHazardPersonRef };
}

/** 验收: passed, or failed (back to 整改, a new rectification round). */
export interface HiddenHazardVerified {
  type: 'HiddenHazardVerified';
  data: {
    hiddenHazardId: string;
    passed: boolean;
    note: string;
    /** The next round's deadline set by a failed 验收; absent or null: the deadline stays. */
    deadline?: string | null;
    at: string;
    by: HiddenHazardPersonRef;
  };
}

/** 延期: the rectification deadline moved later, with the reason. */
export interface HiddenHazardDeadlineExtended {
  type: 'HiddenHazardDeadlineExtended';
  data: {
    hiddenHazardId: string;
    previousDeadline: string;
    deadline: string;
    reason: string;
    at: string;
    by: HiddenHazardPersonRef;
  };
}

/** 销号: final. */
export interface HiddenHazardClosed {
  type: 'HiddenHazardClosed';
  data: { hiddenHazardId: string; at: string; by: HiddenHazardPersonRef };
}

export type HiddenHazardEvent =
  | HiddenHazardRecorded
  | HiddenHazardSupervised
  | HiddenHazardRectified
  | HiddenHazardVerified
  | HiddenHazardDeadlineExtended
  | HiddenHazardClosed;

export const hiddenHazardEvents = EventRegistry.of<HiddenHazardEvent>({
  HiddenHazardRecorded: {},
  HiddenHazardSupervised: {},
  HiddenHazardRectified: {},
  HiddenHazardVerified: {},
  HiddenHazardDeadlineExtended: {},
  HiddenHazardClosed: {},
});
