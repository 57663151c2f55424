import type { AccidentGrade } from './accident-grade';
import type { IncidentCategory } from './incident.types';
import type { NotificationParty, ReportLevel } from '../../contract';

export type { NotificationParty } from '../../contract';

/**
 * The reporting rules of a jurisdiction as data (docs/domain.md rules 3–6): each rule carries its minutes and the legal
 * source an inspector would ask for (`basis`). 条例493 is the national floor every profile starts from; the rules of
 * 《生产安全事故信息报告和处置办法》 (原国家安全监管总局令第21号, "21号令") — 电话快报, 较大涉险事故 and the 续报
 * cadence — are switched on per profile, as are stricter local minutes.
 */
export interface DeadlineProfile {
  name: string;
  label: string;
  /** The unit's duty (企业): from when its head learned of the accident to its report to the county. */
  unit: { minutes: number; basis: string };
  /** The receiving authority's own report to the next level, from its 接报时间. */
  firstLevel: { minutes: number; basis: string };
  /** Each further level, from the report that reached the level below. */
  nextLevel: { minutes: number; basis: string };
  /** 补报 of casualty changes inside the statistical window. */
  supplementary: {
    minutes: number;
    windowDays: number;
    shortWindowDays: number;
    shortWindowCategories: readonly IncidentCategory[];
    basis: string;
  };
  /** The parties told of each report (通知), due with the authority's own first report. */
  notifications: { parties: readonly NotificationParty[]; minutes: number; basis: string };
  /** 电话快报 to a level for grades from `fromGrade` (and 较大涉险事故 when `nearMiss`), from the 接报时间. */
  express: {
    minutes: number;
    level: ReportLevel;
    channel: string;
    fromGrade: AccidentGrade;
    nearMiss: boolean;
    basis: string;
  } | null;
  /** 较大涉险事故: thresholds that oblige a report although nobody died. */
  nearMiss: { endangered: number; trappedOrMissing: number; evacuated: number; basis: string } | null;
  /** 续报 at least every so many minutes per grade until the final report (终报) after 响应终止. */
  followUp: {
    everyMinutes: Readonly<Record<AccidentGrade, number>>;
    basis: string;
    final: { minutes: number; basis: string };
  } | null;
}

export const NOTIFICATION_PARTIES = [
  'government',
  'public_security',
  'human_resources',
  'trade_union',
  'procuratorate',
] as const satisfies readonly NotificationParty[];

export const NOTIFICATION_PARTY_LABELS: Readonly<Record<NotificationParty, string>> = {
  government: '本级人民政府',
  public_security: '公安机关',
  human_resources: '人力资源社会保障（劳动保障）行政部门',
  trade_union: '工会',
  procuratorate: '人民检察院',
};

const ORDER_493 = '《生产安全事故报告和调查处理条例》（国务院令第493号）';
const ORDER_21 = '《生产安全事故信息报告和处置办法》（原国家安全监管总局令第21号）';

/** 条例493 alone: the national default. */
export const NATIONAL_PROFILE: DeadlineProfile = {
  name: 'national',
  label: '国家规定（条例493）',
  unit: {
    minutes: 60,
    basis: `${ORDER_493}第九条：单位负责人接到报告后，应当于1小时内向事故发生地县级以上人民政府安全生产监督管理部门报告`,
  },
  firstLevel: {
    minutes: 120,
    basis: `${ORDER_493}第十一条：逐级上报，每级上报的时间不得超过2小时（自本级接报时起算）`,
  },
  nextLevel: {
    minutes: 120,
    basis: `${ORDER_493}第十条、第十一条：逐级上报至事故等级要求的层级，每级上报的时间不得超过2小时（自报告到达下一级时起算）`,
  },
  supplementary: {
    minutes: 120,
    windowDays: 30,
    shortWindowDays: 7,
    shortWindowCategories: ['road_traffic', 'fire'],
    basis: `${ORDER_493}第十三条：事故发生之日起30日内（道路交通事故、火灾事故自发生之日起7日内），伤亡人数发生变化的，应当及时补报`,
  },
  notifications: {
    parties: NOTIFICATION_PARTIES,
    minutes: 120,
    basis: `${ORDER_493}第十条：上报事故情况，应当同时报告本级人民政府，并通知公安机关、劳动保障行政部门、工会和人民检察院`,
  },
  express: null,
  nearMiss: null,
  followUp: null,
};

/** The rules of 21号令 that a profile turns on. */
const EXPRESS_21: NonNullable<DeadlineProfile['express']> = {
  minutes: 60,
  level: 'province',
  channel: 'phone',
  fromGrade: 'major',
  nearMiss: true,
  basis: `${ORDER_21}：较大以上事故（及较大涉险事故），事故发生地安全生产监督管理部门应在1小时内先用电话快报省级安全生产监督管理部门，随后补报文字报告`,
};
const NEAR_MISS_21: NonNullable<DeadlineProfile['nearMiss']> = {
  endangered: 10,
  trappedOrMissing: 3,
  evacuated: 500,
  basis: `${ORDER_21}第三条：涉险10人以上、3人以上被困或下落不明、紧急疏散500人以上的为较大涉险事故，无人死亡也须报告`,
};
const FOLLOW_UP_21: NonNullable<DeadlineProfile['followUp']> = {
  everyMinutes: { general: 1440, major: 1440, serious: 720, especially_serious: 720 },
  basis: `${ORDER_21}：事故报告后出现新情况的应当及时续报；一般、较大事故和较大涉险事故每日至少续报1次，重大、特别重大事故每日至少续报2次，直至终报`,
  final: {
    minutes: 120,
    basis: `${ORDER_21}：应急处置结束（响应终止）后报送终报，时限按${ORDER_493}第十一条每级2小时`,
  },
};

/** 条例493 with the 21号令 rules on: the profile of a jurisdiction whose implementing rules adopt them. */
export const NATIONAL_21_PROFILE: DeadlineProfile = {
  ...NATIONAL_PROFILE,
  name: 'national-21',
  label: '国家规定（条例493 + 21号令）',
  express: EXPRESS_21,
  nearMiss: NEAR_MISS_21,
  followUp: FOLLOW_UP_21,
};

/** A stricter (invented) local rule, to show profiles side by side: 30 minutes per level, 21号令 rules on. */
export const STRICT_DEMO_PROFILE: DeadlineProfile = {
  ...NATIONAL_21_PROFILE,
  name: 'strict-demo',
  label: '地方规定（演示：每级30分钟）',
  firstLevel: { minutes: 30, basis: `本地实施办法（演示数据）：接报后30分钟内上报上一级；严于${ORDER_493}第十一条` },
  nextLevel: { minutes: 30, basis: `本地实施办法（演示数据）：每级30分钟内上报；严于${ORDER_493}第十一条` },
  supplementary: { ...NATIONAL_PROFILE.supplementary, minutes: 60 },
  notifications: { ...NATIONAL_PROFILE.notifications, minutes: 30 },
  express: { ...EXPRESS_21, minutes: 30 },
};

export const DEADLINE_PROFILES: Readonly<Record<string, DeadlineProfile>> = {
  national: NATIONAL_PROFILE,
  'national-21': NATIONAL_21_PROFILE,
  'strict-demo': STRICT_DEMO_PROFILE,
};

/** Days after the accident in which casualty changes count (条例493 第十三条; 7 for road traffic and fire). */
export function statisticalWindowDays(category: IncidentCategory, profile: DeadlineProfile = NATIONAL_PROFILE): number {
  const s = profile.supplementary;
  return s.shortWindowCategories.includes(category) ? s.shortWindowDays : s.windowDays;
}

/** Whether `at` lies after the window of an accident that occurred at `occurredAt` (the window's last instant is in). */
export function outsideStatisticalWindow(
  occurredAt: string,
  at: string,
  category: IncidentCategory,
  profile: DeadlineProfile = NATIONAL_PROFILE,
): boolean {
  return Date.parse(at) - Date.parse(occurredAt) > statisticalWindowDays(category, profile) * 86_400_000;
}

/** The figures 较大涉险事故 is judged by (21号令 第三条). */
export interface NearMissMeasures {
  missing: number;
  trapped: number;
  endangered?: number;
  evacuated?: number;
}

/** 较大涉险事故 by the 21号令 thresholds (lower bounds inclusive), whatever the profile turns on. */
export function isNearMiss(c: NearMissMeasures, rule: DeadlineProfile['nearMiss'] = NEAR_MISS_21): boolean {
  if (!rule) return false;
  return (
    (c.endangered ?? 0) >= rule.endangered ||
    c.trapped + c.missing >= rule.trappedOrMissing ||
    (c.evacuated ?? 0) >= rule.evacuated
  );
}
