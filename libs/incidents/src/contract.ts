/**
 * What the incidents context shows the outside world: the views its HTTP API returns and its live deltas carry.
 * Pure types, shared with the console (`import type` from `@app/incidents/contract`); nothing here runs.
 * Times are ISO-8601 strings in the jurisdiction's zone; `…Label` fields are the Chinese names shown to users.
 */

/** 事故等级 (GB 6441 / 国务院令第493号). */
export type AccidentGrade = 'general' | 'major' | 'serious' | 'especially_serious';
/** 响应级别 I (highest) … IV. */
export type ResponseLevel = 'I' | 'II' | 'III' | 'IV';
export type IncidentStatus = 'open' | 'closed';
/**
 * Work-safety incident categories (行业类别). Coal mines (煤矿) and non-coal mines (非煤矿山) are told apart; `mining`
 * is the legacy category of incidents filed before the split (矿山（未区分）): readable, never offered for new ones
 * (docs/adr/0016-coal-and-non-coal-mines.md).
 */
export type IncidentCategory =
  | 'hazardous_chemicals'
  | 'coal_mine'
  | 'non_coal_mine'
  | 'mining'
  | 'fire'
  | 'road_traffic'
  | 'construction'
  | 'industry_trade'
  | 'special_equipment'
  | 'gas'
  | 'flood_geological'
  | 'other';
/** The level a report goes to (县级, 设区的市级, 省级, 国务院应急管理部门). */
export type ReportLevel = 'county' | 'city' | 'province' | 'national';
/**
 * unit: the enterprise's own 1 hour (a fact about the unit); initial / escalation: the authorities' chain; express:
 * 电话快报; follow_up: 续报 cadence; final: 终报 after 响应终止; supplementary: 补报; notification: Art. 10 parties.
 */
export type ObligationKind =
  'unit' | 'initial' | 'escalation' | 'express' | 'follow_up' | 'final' | 'supplementary' | 'notification';
/** As stored; `overdue` is a pending obligation whose time has passed, read off the clock when shown. */
export type DeadlineStatus = 'pending' | 'overdue' | 'met' | 'late' | 'written_off';
/** Who owes it: the bureau (the authorities' chain) or the unit (企业). */
export type ObligationResponsible = 'bureau' | 'unit';
/** The parties an authority notifies with its report (条例493 第十条). */
export type NotificationParty = 'government' | 'public_security' | 'human_resources' | 'trade_union' | 'procuratorate';
export type ChecklistTaskStatus = 'open' | 'done';

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface IncidentLocation extends GeoPoint {
  address: string;
}

export interface Reporter {
  name: string;
  phone: string;
  organization: string;
}

export interface Casualties {
  deaths: number;
  missing: number;
  seriousInjuries: number;
  minorInjuries: number;
  trapped: number;
  /** 涉险人数 (21号令 第三条). */
  endangered?: number;
  /** 紧急疏散人数. */
  evacuated?: number;
}

/** What a gazetteer (地名库) entry names: 乡镇, 街道, 园区, 企业, or another known place (road, scenic area…). */
export type GazetteerKind = 'town' | 'subdistrict' | 'park' | 'enterprise' | 'place';

/** GET /gazetteer: a place intake can pick instead of typing coordinates; positions are approximate (示意). */
export interface GazetteerEntryView extends GeoPoint {
  id: string;
  kind: GazetteerKind;
  kindLabel: string;
  name: string;
  address: string;
  /** The jurisdiction the place lies in (filled into the report). */
  jurisdiction: string;
  jurisdictionName: string;
  /** True for schematic positions: the caller's account still decides where the incident is. */
  approximate: boolean;
  /** For `enterprise` entries fed by an enterprise register: its id there; null otherwise. */
  enterpriseId: string | null;
}

/** GET /incidents/nearby: an incident received near a place recently ("possibly the same incident"). */
export interface NearbyIncidentView {
  id: string;
  title: string;
  category: IncidentCategory;
  categoryLabel: string;
  status: IncidentStatus;
  jurisdiction: string;
  jurisdictionName: string;
  address: string;
  /** Metres from the asked point, rounded. */
  distanceM: number;
  /** Whether the address is the asked one (the same gazetteer entry). */
  sameAddress: boolean;
  occurredAt: string;
  receivedAt: string;
}

/** Who received a report or notification. */
export interface Recipient {
  unit: string;
  name: string;
}

/** A reporting obligation (上报时限) as the board shows it; `overdue` once its time has passed (read off the clock). */
export interface DeadlineView {
  id: string;
  kind: ObligationKind;
  kindLabel: string;
  responsible: ObligationResponsible;
  /** The level reported to (null for a notification). */
  level: ReportLevel | null;
  levelLabel: string | null;
  /** The party notified (notifications only). */
  party: NotificationParty | null;
  partyLabel: string | null;
  /** The channel the rule asks for (电话快报: phone), if any. */
  channel: string | null;
  dueAt: string;
  status: DeadlineStatus;
  statusLabel: string;
  /** The rule and its legal source. */
  basis: string;
  reportedAt: string | null;
  reportedBy: string | null;
  reportChannel: string | null;
  recipient: Recipient | null;
  writeOff: { reason: string; by: string; at: string } | null;
}

export interface AssignedTeamView {
  teamId: string;
  name: string;
  task: string | null;
  status: string;
  dispatchedAt: string;
  arrivedAt: string | null;
  releasedAt: string | null;
  /** A drill's tabletop dispatch: the real team was not touched. */
  simulated?: boolean;
}

/** Supplies allocated to the incident. */
export interface AllocationView {
  allocationId: string;
  warehouseId: string;
  items: { materialCode: string; quantity: number }[];
  status: string;
  allocatedAt: string;
  updatedAt: string;
  /** A drill's allocation on paper: no warehouse stock was reserved. */
  simulated?: boolean;
}

/** A checklist task from an activated plan's working groups. */
export interface ChecklistTaskView {
  taskId: string;
  planId: string;
  planVersion: number;
  group: string;
  leadAgency: string;
  title: string;
  level: string;
  levelLabel: string;
  status: ChecklistTaskStatus;
  addedAt: string;
  completedAt: string | null;
  completedBy: string | null;
  note: string | null;
}

export interface ActivePlanView {
  planId: string;
  version: number;
  title: string;
  level: string;
  activatedBy: string;
  activatedAt: string;
  requirements: {
    teams: { specialty: string; count: number }[];
    materials: { materialCode: string; quantity: number }[];
  };
}

/** GET /incidents, GET /incidents/{id} and the `incident.changed` delta. */
export interface IncidentView {
  id: string;
  title: string;
  category: IncidentCategory;
  categoryLabel: string;
  status: IncidentStatus;
  grade: AccidentGrade;
  gradeLabel: string;
  responseLevel: ResponseLevel | null;
  responseLevelLabel: string | null;
  jurisdiction: string;
  jurisdictionName: string;
  enterprise: string | null;
  /** The registered enterprise (企业登记) the incident names; null when the unit was typed as free text or unknown. */
  enterpriseId: string | null;
  occurredAt: string;
  /** 接报时间 (also `receivedAt`). */
  reportedAt: string;
  receivedAt: string;
  /** Why the 接报时间 was back-dated more than 10 minutes. */
  receivedAtReason: string | null;
  /** When the unit's head learned of it and when the unit reported (企业迟报 is judged from these). */
  unitLearnedAt: string | null;
  unitReportedAt: string | null;
  /** 较大涉险事故 (21号令 第三条): must be reported although nobody died. */
  nearMiss: boolean;
  updatedAt: string;
  /** 响应终止 time (the response ended; not 结案, which closes the investigation later). */
  closedAt: string | null;
  location: IncidentLocation;
  reporter: Reporter;
  /** Inside the statistical window: what the grade and the statistics count. */
  casualties: Casualties;
  /** Figures reported after the window (30 days; 7 for road traffic and fire): recorded, never counted. */
  casualtiesAfterWindow: Casualties | null;
  directLossYuan: number | null;
  description: string;
  measures: string | null;
  summary: string | null;
  drillId: string | null;
  deadlines: DeadlineView[];
  assignedTeams: AssignedTeamView[];
  allocations: AllocationView[];
  tasks: ChecklistTaskView[];
  activePlans: ActivePlanView[];
  revision: number;
  position: string;
}

/**
 * GET /incidents/{id}/timeline and the `timeline.appended` delta: one line per event of the incident, and per
 * allocation a warehouse makes to it and each step of that allocation (`source: 'warehouse'`), and per invitation of
 * an expert to it and their answer (`source: 'consultation'`).
 */
export interface TimelineEntryView {
  /** The event's id: unique across every line of every incident. */
  id: string;
  incidentId: string;
  source: 'incident' | 'warehouse' | 'consultation';
  /** The event's revision in its own stream (the incident's; the warehouse's for an allocation). */
  revision: number;
  at: string;
  recordedAt: string;
  type: string;
  summary: string;
  /** The person's display name; for `actorKind: 'system'` the name of the system process itself. */
  actor: string;
  actorKind: 'person' | 'system';
  /** The process that wrote it on the person's behalf (e.g. 调度流程), or null when the person acted directly. */
  via: string | null;
  drillId: string | null;
  position: string;
}

/** GET /incidents/{id}/timeline?limit=&before=: the newest lines first, a page at a time. */
export interface TimelinePageView {
  entries: TimelineEntryView[];
  /** Every line of the incident. */
  total: number;
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: string | null;
  /** The jurisdiction's time zone, in which the times are given and shown. */
  timeZone: string;
}

/** One entry of the incident's account: the first as received at intake (接报), or a follow-up (续报). */
export interface AccountEntryView {
  kind: 'initial' | 'follow_up';
  revision: number;
  at: string;
  /** Who took it down: the person's display name (or the system's name). */
  author: string;
  /** The account of what happened (简要经过) as given in this report; null when a follow-up gave none. */
  description: string | null;
  measures: string | null;
  casualties: Casualties;
  directLossYuan: number | null;
  /** A change reported after the statistical window (补报): recorded, not counted. */
  outsideWindow: boolean;
}

/** GET /incidents/{id}/account: the original account kept beside every follow-up, oldest follow-up first. */
export interface IncidentAccountView {
  incidentId: string;
  original: AccountEntryView;
  followUps: AccountEntryView[];
  timeZone: string;
}

/** GET /incidents/{id}/events: the stored events themselves, for audit. */
export interface StoredEventView {
  id: string;
  type: string;
  revision: number;
  position: string;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** The `deadline.due` (10 minutes before) and `deadline.overdue` deltas. */
export interface DeadlineAlarm {
  incidentId: string;
  title: string;
  obligationId: string;
  level: ReportLevel | null;
  kind: ObligationKind;
  dueAt: string;
  message: string;
}

/** GET /statistics groups: calendar periods of the jurisdiction's zone, jurisdictions, categories, or one total. */
export type StatisticsGroupBy = 'month' | 'day' | 'year' | 'jurisdiction' | 'category' | 'total';

/** One group of GET /statistics: the four indicators (事故起数、死亡、受伤、直接经济损失) and the grades. */
export interface StatisticsLineView {
  /** `2026-03`, `2026-03-05`, `2026`, a jurisdiction code, a category code, or `total`. */
  key: string;
  /** The key as the bureau writes it (the jurisdiction's or category's Chinese name, `合计`). */
  label: string;
  incidents: number;
  deaths: number;
  missing: number;
  seriousInjuries: number;
  minorInjuries: number;
  injuries: number;
  directLossYuan: number;
  grades: Record<AccidentGrade, number>;
  /** 较大及以上 over all incidents of the group, 0–1, four decimals. */
  majorOrAboveShare: number;
}

/** GET /statistics (format=json). Drill incidents never count. */
export interface StatisticsView {
  jurisdiction: string;
  from: string;
  to: string;
  timeZone: string;
  groupBy: StatisticsGroupBy;
  drillsExcluded: true;
  rows: StatisticsLineView[];
  totals: StatisticsLineView;
  /**
   * The 较大-and-above share ceiling of the year the period ends in: the jurisdiction's own assessment target when one
   * is set (`source: 'set'`), else the 2% default (`source: 'default'`).
   */
  target: { majorOrAboveShareMax: number; met: boolean; source: 'set' | 'default'; year: number };
}

/** A compliance status in the law's words: 按时, 迟报, 漏报, 逾期未报, 核销, 待报. */
export type ComplianceStatus = 'met' | 'late' | 'missed' | 'overdue' | 'written_off' | 'pending';

/** Totals of a set of obligations; `onTimeRate` is met over what was owed by now (null when nothing was). */
export interface ComplianceSummary {
  total: number;
  met: number;
  late: number;
  missed: number;
  overdue: number;
  writtenOff: number;
  pending: number;
  onTimeRate: number | null;
}

/** One reporting obligation of GET /compliance. */
export interface ComplianceObligationView {
  incidentId: string;
  title: string;
  jurisdiction: string;
  obligationId: string;
  kind: ObligationKind;
  kindLabel: string;
  responsible: ObligationResponsible;
  responsibleLabel: string;
  level: ReportLevel | null;
  levelLabel: string | null;
  party: NotificationParty | null;
  partyLabel: string | null;
  basis: string;
  dueAt: string;
  status: ComplianceStatus;
  statusLabel: string;
  reportedAt: string | null;
  /** The sign-in name recorded with the report (`事故单位` for the unit's own report). */
  reportedBy: string | null;
  /** Who reported in people's words: the account's display name, else what was recorded. */
  reportedByName: string | null;
}

/** GET /compliance: the bureau's obligations (`summary`, `byLevel`, `byReporter`) and the unit's own hour apart. */
export interface ComplianceView {
  jurisdiction: string;
  drillId: string | null;
  summary: ComplianceSummary;
  unit: ComplianceSummary;
  /** The bureau's obligations per level of the chain (县级 first), then per party notified; empty groups left out. */
  byLevel: (ComplianceSummary & {
    key: string;
    level: ReportLevel | null;
    party: NotificationParty | null;
    label: string;
  })[];
  statusLabels: Record<ComplianceStatus, string>;
  /** Who passed the bureau's reports up, by sign-in name, with the display name. */
  byReporter: { reportedBy: string; name: string; met: number; late: number }[];
  /** The first page of the obligation lines (deadline order); the rest from `obligationsNext`. */
  obligations: ComplianceObligationView[];
  /** How many obligation lines the period has in all (the summaries count every one of them). */
  obligationsTotal: number;
  /** The path of the next page of lines (`GET /compliance/obligations…&cursor=…`), or null when all are shown. */
  obligationsNext: string | null;
}
