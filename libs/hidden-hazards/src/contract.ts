/**
 * What the hidden-hazard register (隐患排查治理, 双重预防机制) shows the outside world: the views its HTTP answers carry.
 * Pure types, shared with the console (`import type` from `@app/hidden-hazards/contract`).
 */

/** 一般事故隐患 / 重大事故隐患. */
export type HiddenHazardGrade = 'general' | 'major';

/** Who found it: the enterprise's own inspection (企业自查), a government inspection (监督检查), a report (举报). */
export type HiddenHazardSource = 'self_inspection' | 'inspection' | 'report';

/**
 * Where the rectification stands: 整改中 (also after a failed 验收 sent it back), 已整改待验收, 验收通过, 已销号.
 * Overdue is not a status: it is `overdue` on a hazard still `rectifying` past its deadline.
 */
export type HiddenHazardStatus = 'rectifying' | 'rectified' | 'verified' | 'closed';

/** The government level that supervises a major hidden hazard (挂牌督办). */
export type SupervisionLevel = 'county' | 'city' | 'province';

export interface HiddenHazardPerson {
  name: string;
  phone: string | null;
}

/** GET /hidden-hazards, GET /hidden-hazards/{id}, and the answer of every command on one. */
export interface HiddenHazardView {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  /** The enterprise's jurisdiction: it decides who sees and acts on the hazard. */
  jurisdiction: string;
  jurisdictionName: string;
  /** The major hazard source it concerns, when one does. */
  hazardSourceId: string | null;
  hazardSourceName: string | null;
  title: string;
  description: string;
  grade: HiddenHazardGrade;
  gradeLabel: string;
  /** 判定依据: the standard a major hidden hazard was judged by (e.g. 化工和危险化学品生产经营单位重大生产安全事故隐患判定标准（试行）); null for general ones when none was named. */
  standard: string | null;
  source: HiddenHazardSource;
  sourceLabel: string;
  foundAt: string;
  /** The inspector or the enterprise's person who found it, as recorded. */
  foundBy: string;
  rectification: {
    measures: string;
    /** 整改期限, an instant (local ISO in the jurisdiction's zone). */
    deadline: string;
    responsible: HiddenHazardPerson;
  };
  status: HiddenHazardStatus;
  statusLabel: string;
  /** Still being rectified past its deadline (an alarm of kind `hidden_hazard` is open meanwhile). */
  overdue: boolean;
  supervision: {
    level: SupervisionLevel;
    levelLabel: string;
    /** The supervising government's jurisdiction (an ancestor of, or the same as, the hazard's). */
    jurisdiction: string;
    jurisdictionName: string;
    at: string;
    by: string;
  } | null;
  rectifiedAt: string | null;
  rectificationNote: string | null;
  /** Every 验收, oldest first: a failed one sent the hazard back to rectification. */
  verifications: { at: string; passed: boolean; note: string; by: string }[];
  /**
   * Every change of the rectification deadline, oldest first: 延期 (`extension`, with its reason) or a failed 验收
   * setting the next round's deadline (`verification_failed`, the reason is its note). `rectification.deadline` is the
   * current one.
   */
  deadlineChanges: {
    kind: 'extension' | 'verification_failed';
    from: string;
    to: string;
    reason: string;
    at: string;
    by: string;
  }[];
  /** How many times the deadline was extended (延期). */
  extensions: number;
  closedAt: string | null;
  closedBy: string | null;
  recordedAt: string;
  updatedAt: string;
  revision: number;
}

/** One line of the register's summary (GET /hidden-hazards/summary?groupBy=enterprise|jurisdiction). */
export interface HiddenHazardSummaryLine {
  key: string;
  label: string;
  total: number;
  major: number;
  /** Rectified: verified or closed (验收通过或已销号). */
  rectified: number;
  open: number;
  overdue: number;
  supervised: number;
  /** 整改率 = rectified / total (0..1, four decimals); null when there are none. */
  rectificationRate: number | null;
  majorRectificationRate: number | null;
}

export interface HiddenHazardSummaryView {
  jurisdiction: string;
  jurisdictionName: string;
  groupBy: 'enterprise' | 'jurisdiction';
  from: string | null;
  to: string | null;
  rows: HiddenHazardSummaryLine[];
  totals: HiddenHazardSummaryLine;
}
