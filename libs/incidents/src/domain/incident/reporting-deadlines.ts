// Over 300 lines on purpose: every reporting rule of the chain (intake, escalation, express, cadence, 补报, 终报, notices,
// 核销) folds the same obligation list; kept together so an auditor reads the whole chain in one place.
import { gradeRank, type AccidentGrade } from './accident-grade';
import type { IncidentCategory } from './incident.types';
import type {
  DeadlineStatus,
  NotificationParty,
  ObligationKind,
  ObligationResponsible,
  Recipient,
  ReportLevel,
} from '../../contract';
import {
  NOTIFICATION_PARTY_LABELS as PARTY_LABELS,
  outsideStatisticalWindow,
  type DeadlineProfile,
} from './reporting-profile';

// The values the outside world sees are defined once, in the context's contract.
export type { ReportLevel, ObligationKind, NotificationParty } from '../../contract';
export {
  DEADLINE_PROFILES,
  NATIONAL_PROFILE,
  NATIONAL_21_PROFILE,
  STRICT_DEMO_PROFILE,
  NOTIFICATION_PARTIES,
  NOTIFICATION_PARTY_LABELS,
  isNearMiss,
  outsideStatisticalWindow,
  statisticalWindowDays,
  type DeadlineProfile,
} from './reporting-profile';

/**
 * Reporting obligations (条例493 第九条–第十一条、第十三条, and the 21号令 rules a profile turns on; docs/domain.md
 * rules 3–6). Whose clock runs matters: the unit's 1 hour runs from when its head learned of the accident and is a fact
 * about the unit; the authorities' chain runs from the bureau's own 接报时间, each next level from the report that
 * reached the level below. Everything here is a pure function of the incident's events and the jurisdiction's profile,
 * so a replay derives the same obligations; stored states are facts (pending, met, late, written off) and `overdue` is
 * read off the clock when shown (`statusAt`).
 */
export const REPORT_LEVELS = ['county', 'city', 'province', 'national'] as const satisfies readonly ReportLevel[];
export const REPORT_LEVEL_LABELS: Readonly<Record<ReportLevel, string>> = {
  county: '县级',
  city: '设区的市级',
  province: '省级',
  national: '国务院应急管理部门',
};

export const OBLIGATION_KIND_LABELS: Readonly<Record<ObligationKind, string>> = {
  unit: '事故单位报告',
  initial: '逐级上报',
  escalation: '等级升高后上报',
  express: '电话快报',
  follow_up: '续报',
  final: '终报',
  supplementary: '补报',
  notification: '通知',
};

export const DEADLINE_STATUS_LABELS: Readonly<Record<DeadlineStatus, string>> = {
  pending: '待报',
  overdue: '逾期',
  met: '按时',
  late: '迟报',
  written_off: '核销',
};

const HIGHEST: Readonly<Record<AccidentGrade, ReportLevel>> = {
  general: 'city',
  major: 'province',
  serious: 'national',
  especially_serious: 'national',
};
/** How high the report goes (条例493 第十条): 一般 → 设区的市级, 较大 → 省级, 重大 and above → 国务院应急管理部门. */
export const highestLevelFor = (grade: AccidentGrade): ReportLevel => HIGHEST[grade];

export interface Obligation {
  id: string;
  kind: ObligationKind;
  responsible: ObligationResponsible;
  level: ReportLevel | null;
  party: NotificationParty | null;
  /** The channel the rule asks for (电话快报), else null. */
  channel: string | null;
  dueAt: string;
  status: Exclude<DeadlineStatus, 'overdue'>;
  basis: string;
  reportedAt: string | null;
  reportedBy: string | null;
  reportChannel: string | null;
  recipient: Recipient | null;
  writeOff: { reason: string; by: string; at: string } | null;
}

/** The facts obligations are derived from, in the order the incident's events state them. */
export type DeadlineFact =
  | {
      type: 'reported';
      receivedAt: string;
      /** The level of the authority that took the report (its receipt is the report reaching that level). */
      receivingLevel: ReportLevel;
      grade: AccidentGrade;
      nearMiss: boolean;
      unitLearnedAt?: string | null;
      unitReportedAt?: string | null;
    }
  | { type: 'gradeRose'; to: AccidentGrade; at: string }
  | { type: 'nearMissReached'; at: string; grade: AccidentGrade }
  | {
      type: 'casualtiesChanged';
      at: string;
      occurredAt: string;
      category: IncidentCategory;
      receivingLevel: ReportLevel;
    }
  | {
      type: 'passedUp';
      level: ReportLevel;
      at: string;
      by: string;
      channel?: string;
      obligationId?: string | null;
      recipient?: Recipient | null;
      grade: AccidentGrade;
      ended: boolean;
    }
  | {
      type: 'notified';
      party: NotificationParty;
      at: string;
      by: string;
      channel: string;
      recipient?: Recipient | null;
    }
  | { type: 'writtenOff'; obligationId: string; reason: string; by: string; at: string }
  | { type: 'responseEnded'; at: string; grade: AccidentGrade; receivingLevel: ReportLevel };

const MINUTE = 60_000;
const plus = (iso: string, minutes: number): string => new Date(Date.parse(iso) + minutes * MINUTE).toISOString();
const rank = (level: ReportLevel): number => REPORT_LEVELS.indexOf(level);
const above = (level: ReportLevel): ReportLevel => REPORT_LEVELS[Math.min(rank(level) + 1, REPORT_LEVELS.length - 1)]!;
const CHAIN: readonly ObligationKind[] = ['initial', 'escalation'];
/** Kinds a report to a level satisfies (a notification is met by notifying, the unit's by the unit). */
const REPORT_KINDS: readonly ObligationKind[] = [
  'initial',
  'escalation',
  'express',
  'follow_up',
  'final',
  'supplementary',
];

function obligation(
  list: readonly Obligation[],
  fields: Pick<Obligation, 'kind' | 'dueAt' | 'basis'> & Partial<Obligation>,
): Obligation {
  const target = fields.level ?? fields.party ?? 'unit';
  return {
    id: `${fields.kind}:${target}:${list.length}`,
    responsible: 'bureau',
    level: null,
    party: null,
    channel: null,
    status: 'pending',
    reportedAt: null,
    reportedBy: null,
    reportChannel: null,
    recipient: null,
    writeOff: null,
    ...fields,
  };
}

const onTime = (at: string, dueAt: string): 'met' | 'late' => (Date.parse(at) <= Date.parse(dueAt) ? 'met' : 'late');

export function applyDeadlineFact(
  obligations: readonly Obligation[],
  fact: DeadlineFact,
  profile: DeadlineProfile,
): Obligation[] {
  switch (fact.type) {
    case 'reported':
      return intake(fact, profile);
    case 'gradeRose':
      return withExpress(escalate(obligations, fact.to, fact.at, profile), fact.to, false, fact.at, profile);
    case 'nearMissReached':
      return withExpress([...obligations], fact.grade, true, fact.at, profile);
    case 'casualtiesChanged':
      return supplementary(obligations, fact, profile);
    case 'passedUp':
      return meetReport(obligations, fact, profile);
    case 'notified': {
      const target = obligations.find(
        (o) => o.kind === 'notification' && o.party === fact.party && o.status === 'pending',
      );
      return obligations.map((o) =>
        o === target
          ? {
              ...o,
              status: onTime(fact.at, o.dueAt),
              reportedAt: fact.at,
              reportedBy: fact.by,
              reportChannel: fact.channel,
              recipient: fact.recipient ?? null,
            }
          : o,
      );
    }
    case 'writtenOff':
      return obligations.map((o) =>
        o.id === fact.obligationId && o.status === 'pending'
          ? { ...o, status: 'written_off', writeOff: { reason: fact.reason, by: fact.by, at: fact.at } }
          : o,
      );
    case 'responseEnded':
      return endResponse(obligations, fact, profile);
    default: {
      const unknownFact: never = fact;
      return unknownFact;
    }
  }
}

/**
 * On intake: the unit's hour when its timing is known (decided at once: the unit reported by the bureau's receipt at
 * the latest), the chain from the level above the receiving authority up to the grade's level, the notifications, and
 * the 21号令 rules the profile turns on. The receipt itself is the report reaching the receiving level.
 */
function intake(fact: Extract<DeadlineFact, { type: 'reported' }>, profile: DeadlineProfile): Obligation[] {
  const list: Obligation[] = [];
  if (fact.unitLearnedAt) {
    const dueAt = plus(fact.unitLearnedAt, profile.unit.minutes);
    const reportedAt = fact.unitReportedAt ?? fact.receivedAt;
    list.push(
      obligation(list, {
        kind: 'unit',
        responsible: 'unit',
        level: 'county',
        dueAt,
        basis: profile.unit.basis,
        status: onTime(reportedAt, dueAt),
        reportedAt,
        reportedBy: '事故单位',
      }),
    );
  }
  const top = fact.nearMiss ? maxLevel(highestLevelFor(fact.grade), 'city') : highestLevelFor(fact.grade);
  let due = plus(fact.receivedAt, profile.firstLevel.minutes);
  for (let r = rank(fact.receivingLevel) + 1; r <= rank(top); r++) {
    list.push(
      obligation(list, {
        kind: 'initial',
        level: REPORT_LEVELS[r]!,
        dueAt: due,
        basis: r === rank(fact.receivingLevel) + 1 ? profile.firstLevel.basis : profile.nextLevel.basis,
      }),
    );
    due = plus(due, profile.nextLevel.minutes);
  }
  for (const party of profile.notifications.parties) {
    list.push(
      obligation(list, {
        kind: 'notification',
        party,
        dueAt: plus(fact.receivedAt, profile.notifications.minutes),
        basis: profile.notifications.basis,
      }),
    );
  }
  const withFast = withExpress(list, fact.grade, fact.nearMiss, fact.receivedAt, profile);
  if (!profile.followUp) return withFast;
  return [
    ...withFast,
    obligation(withFast, {
      kind: 'follow_up',
      level: above(fact.receivingLevel),
      dueAt: plus(fact.receivedAt, profile.followUp.everyMinutes[fact.grade]),
      basis: profile.followUp.basis,
    }),
  ];
}

const maxLevel = (a: ReportLevel, b: ReportLevel): ReportLevel => (rank(a) >= rank(b) ? a : b);

/** A grade that rises adds the levels above those already owed, the first due a step after the rise became known. */
function escalate(obligations: readonly Obligation[], to: AccidentGrade, at: string, profile: DeadlineProfile) {
  const covered = obligations
    .filter((o) => CHAIN.includes(o.kind) && o.level)
    .reduce((top, o) => Math.max(top, rank(o.level!)), -1);
  const list = [...obligations];
  let due = plus(at, profile.nextLevel.minutes);
  for (let r = covered + 1; r <= rank(highestLevelFor(to)); r++) {
    list.push(
      obligation(list, {
        kind: 'escalation',
        level: REPORT_LEVELS[r]!,
        dueAt: due,
        basis: `事故等级升高，须按新等级上报。${profile.nextLevel.basis}`,
      }),
    );
    due = plus(due, profile.nextLevel.minutes);
  }
  return list;
}

/** 电话快报 once per incident, when the profile asks for it and the grade (or 较大涉险) calls for it. */
function withExpress(
  obligations: Obligation[],
  grade: AccidentGrade,
  nearMiss: boolean,
  from: string,
  profile: DeadlineProfile,
): Obligation[] {
  const rule = profile.express;
  if (!rule || obligations.some((o) => o.kind === 'express')) return obligations;
  const byGrade = gradeRank(grade) >= gradeRank(rule.fromGrade);
  if (!byGrade && !(rule.nearMiss && nearMiss && profile.nearMiss)) return obligations;
  const basis = byGrade ? rule.basis : `${profile.nearMiss!.basis}；${rule.basis}`;
  return [
    ...obligations,
    obligation(obligations, {
      kind: 'express',
      level: rule.level,
      channel: rule.channel,
      dueAt: plus(from, rule.minutes),
      basis,
    }),
  ];
}

/**
 * 补报 (条例493 第十三条): a casualty change inside the window owes a report to the highest level already reached (the
 * receiving level if none yet). One pending 补报 covers every further change until it is made.
 */
function supplementary(
  obligations: readonly Obligation[],
  fact: Extract<DeadlineFact, { type: 'casualtiesChanged' }>,
  profile: DeadlineProfile,
): Obligation[] {
  if (outsideStatisticalWindow(fact.occurredAt, fact.at, fact.category, profile)) return [...obligations];
  if (obligations.some((o) => o.kind === 'supplementary' && o.status === 'pending')) return [...obligations];
  const reached = obligations
    .filter((o) => CHAIN.includes(o.kind) && o.level && (o.status === 'met' || o.status === 'late'))
    .reduce((top, o) => Math.max(top, rank(o.level!)), rank(fact.receivingLevel));
  return [
    ...obligations,
    obligation(obligations, {
      kind: 'supplementary',
      level: REPORT_LEVELS[reached]!,
      dueAt: plus(fact.at, profile.supplementary.minutes),
      basis: profile.supplementary.basis,
    }),
  ];
}

/**
 * A report to a level. Named against an obligation, it meets that one; otherwise it meets every pending report
 * obligation owed to that level or below (越级上报 is allowed, 条例493 第十条). Only when it meets a level of the chain
 * for the first time are the pending levels above re-timed from it (each next level runs from the report that reached
 * the level below); a report to a level already met is a 续报 and moves nothing. A 续报 due under the cadence is
 * followed by the next one, until the response ends; the report that first reaches a level does not count as one.
 */
function meetReport(
  obligations: readonly Obligation[],
  fact: Extract<DeadlineFact, { type: 'passedUp' }>,
  profile: DeadlineProfile,
): Obligation[] {
  const meets = (o: Obligation) =>
    o.status === 'pending' &&
    REPORT_KINDS.includes(o.kind) &&
    o.level !== null &&
    rank(o.level) <= rank(fact.level) &&
    (fact.obligationId ? o.id === fact.obligationId : true);
  const metChain = obligations.some((o) => meets(o) && CHAIN.includes(o.kind));
  // The report that first reaches a level is not yet a 续报: it does not count towards the cadence.
  const met = obligations.filter((o) => meets(o) && !(metChain && o.kind === 'follow_up'));
  let due = plus(fact.at, profile.nextLevel.minutes);
  let list = obligations.map((o): Obligation => {
    if (met.includes(o))
      return {
        ...o,
        status: onTime(fact.at, o.dueAt),
        reportedAt: fact.at,
        reportedBy: fact.by,
        reportChannel: fact.channel ?? null,
        recipient: fact.recipient ?? null,
      };
    if (!metChain || o.status !== 'pending' || !CHAIN.includes(o.kind) || rank(o.level!) <= rank(fact.level)) return o;
    const retimed = { ...o, dueAt: due };
    due = plus(due, profile.nextLevel.minutes);
    return retimed;
  });
  const cadence = profile.followUp;
  if (cadence && !fact.ended && met.some((o) => o.kind === 'follow_up')) {
    const last = met.find((o) => o.kind === 'follow_up')!;
    list = [
      ...list,
      obligation(list, {
        kind: 'follow_up',
        level: last.level,
        dueAt: plus(fact.at, cadence.everyMinutes[fact.grade]),
        basis: cadence.basis,
      }),
    ];
  }
  return list;
}

/**
 * 响应终止: the 续报 cadence stops (a 续报 not yet due is no longer owed; one already overdue stays, it was owed), and
 * the profile's 终报 is owed to the highest level the grade requires.
 */
function endResponse(
  obligations: readonly Obligation[],
  fact: Extract<DeadlineFact, { type: 'responseEnded' }>,
  profile: DeadlineProfile,
): Obligation[] {
  const list = obligations.filter(
    (o) => !(o.kind === 'follow_up' && o.status === 'pending' && Date.parse(o.dueAt) > Date.parse(fact.at)),
  );
  if (!profile.followUp || rank(highestLevelFor(fact.grade)) <= rank(fact.receivingLevel)) return list;
  return [
    ...list,
    obligation(list, {
      kind: 'final',
      level: above(fact.receivingLevel),
      dueAt: plus(fact.at, profile.followUp.final.minutes),
      basis: profile.followUp.final.basis,
    }),
  ];
}

/** The status as shown at `now`: a pending obligation whose time has passed is overdue (逾期). */
export function statusAt(obligation: Pick<Obligation, 'status' | 'dueAt'>, now: Date): DeadlineStatus {
  return obligation.status === 'pending' && Date.parse(obligation.dueAt) < now.getTime()
    ? 'overdue'
    : obligation.status;
}

/** Where a pending obligation stands at `now`: alarms start 10 minutes before the deadline. */
export const DUE_WARNING_MINUTES = 10;
export function alarmOf(obligation: Obligation, now: Date): 'due' | 'overdue' | undefined {
  if (obligation.status !== 'pending') return undefined;
  const left = Date.parse(obligation.dueAt) - now.getTime();
  if (left < 0) return 'overdue';
  return left <= DUE_WARNING_MINUTES * MINUTE ? 'due' : undefined;
}

/** What the obligation is about, in words: the level reported to or the party notified. */
export function obligationTarget(o: Pick<Obligation, 'level' | 'party'>): string {
  if (o.level) return REPORT_LEVEL_LABELS[o.level];
  return o.party ? PARTY_LABELS[o.party] : '';
}
