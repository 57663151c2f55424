import type { AccidentGrade } from './accident-grade';
import type { IncidentCategory } from './incident.types';
import type { ReportLevel, ObligationKind } from '../../contract';

// The values the outside world sees are defined once, in the context's contract.
export type { ReportLevel, ObligationKind } from '../../contract';

/**
 * Reporting obligations (《生产安全事故报告和调查处理条例》 Arts. 9–11, 13; docs/domain.md rules 3–6): the county-level
 * authority within 1 hour of the incident, each further level within 2 hours of the previous report, as high as the
 * grade requires; a grade that rises adds the higher levels; casualty changes within 30 days (7 for road traffic and
 * fire) require a supplementary report (补报). Local rules may be stricter, so the minutes are a profile per
 * jurisdiction. Everything here is a pure function of the incident's events, so a replay derives the same deadlines.
 */
export const REPORT_LEVELS = ['county', 'city', 'province', 'national'] as const satisfies readonly ReportLevel[];
export const REPORT_LEVEL_LABELS: Readonly<Record<ReportLevel, string>> = {
  county: '县级',
  city: '设区的市级',
  province: '省级',
  national: '国务院',
};

export interface DeadlineProfile {
  name: string;
  firstReportMinutes: number;
  nextLevelMinutes: number;
  supplementaryMinutes: number;
}

export const NATIONAL_PROFILE: DeadlineProfile = {
  name: 'national',
  firstReportMinutes: 60,
  nextLevelMinutes: 120,
  supplementaryMinutes: 120,
};
/** A stricter local rule, as some plans set (e.g. 30 minutes to the county, 1 hour per further level). */
export const STRICT_DEMO_PROFILE: DeadlineProfile = {
  name: 'strict-demo',
  firstReportMinutes: 30,
  nextLevelMinutes: 60,
  supplementaryMinutes: 60,
};
export const DEADLINE_PROFILES: Readonly<Record<string, DeadlineProfile>> = {
  national: NATIONAL_PROFILE,
  'strict-demo': STRICT_DEMO_PROFILE,
};

const HIGHEST: Readonly<Record<AccidentGrade, ReportLevel>> = {
  general: 'city',
  major: 'province',
  serious: 'national',
  especially_serious: 'national',
};
export const highestLevelFor = (grade: AccidentGrade): ReportLevel => HIGHEST[grade];

export interface Obligation {
  id: string;
  kind: ObligationKind;
  level: ReportLevel;
  dueAt: string;
  status: 'pending' | 'met' | 'late';
  reportedAt: string | null;
  reportedBy: string | null;
  reason: string;
}

/** The facts obligations are derived from, in the order the incident's events state them. */
export type DeadlineFact =
  | { type: 'reported'; occurredAt: string; grade: AccidentGrade }
  | { type: 'gradeRose'; to: AccidentGrade; at: string }
  | { type: 'casualtiesChanged'; at: string; occurredAt: string; category: IncidentCategory }
  | { type: 'passedUp'; level: ReportLevel; at: string; by: string };

const MINUTE = 60_000;
const plus = (iso: string, minutes: number): string => new Date(Date.parse(iso) + minutes * MINUTE).toISOString();
const rank = (level: ReportLevel): number => REPORT_LEVELS.indexOf(level);

export function applyDeadlineFact(
  obligations: readonly Obligation[],
  fact: DeadlineFact,
  profile: DeadlineProfile,
): Obligation[] {
  switch (fact.type) {
    case 'reported':
      return chain(
        [],
        'initial',
        0,
        highestLevelFor(fact.grade),
        plus(fact.occurredAt, profile.firstReportMinutes),
        profile,
        '接报后逐级上报',
      );
    case 'gradeRose': {
      const covered = obligations
        .filter((o) => o.kind !== 'supplementary')
        .reduce((top, o) => Math.max(top, rank(o.level)), -1);
      const target = rank(highestLevelFor(fact.to));
      if (target <= covered) return [...obligations];
      return chain(
        obligations,
        'escalation',
        covered + 1,
        highestLevelFor(fact.to),
        plus(fact.at, profile.nextLevelMinutes),
        profile,
        '事故等级升高，须按新等级上报',
      );
    }
    case 'casualtiesChanged': {
      const windowDays = fact.category === 'road_traffic' || fact.category === 'fire' ? 7 : 30;
      if (Date.parse(fact.at) - Date.parse(fact.occurredAt) > windowDays * 1440 * MINUTE) return [...obligations];
      // One pending supplementary report covers every change until it is made; changes do not stack obligations.
      if (obligations.some((o) => o.kind === 'supplementary' && o.status === 'pending')) return [...obligations];
      const reported = obligations
        .filter((o) => o.status !== 'pending')
        .reduce((top, o) => Math.max(top, rank(o.level)), 0);
      const level = REPORT_LEVELS[reported]!;
      const id = `supplementary:${level}:${obligations.length}`;
      return [
        ...obligations,
        {
          id,
          kind: 'supplementary',
          level,
          dueAt: plus(fact.at, profile.supplementaryMinutes),
          status: 'pending',
          reportedAt: null,
          reportedBy: null,
          reason: `伤亡人数发生变化，须于 ${windowDays} 日内补报`,
        },
      ];
    }
    case 'passedUp':
      return meet(obligations, fact, profile);
    default: {
      const unknownFact: never = fact;
      return unknownFact;
    }
  }
}

/** Obligations for levels `fromRank`..`top`, the first due at `firstDue`, each next one a further step later. */
function chain(
  existing: readonly Obligation[],
  kind: ObligationKind,
  fromRank: number,
  top: ReportLevel,
  firstDue: string,
  profile: DeadlineProfile,
  reason: string,
): Obligation[] {
  const added: Obligation[] = [];
  let due = firstDue;
  for (let r = fromRank; r <= rank(top); r++) {
    const level = REPORT_LEVELS[r]!;
    added.push({
      id: `${kind}:${level}:${existing.length + added.length}`,
      kind,
      level,
      dueAt: due,
      status: 'pending',
      reportedAt: null,
      reportedBy: null,
      reason,
    });
    due = plus(due, profile.nextLevelMinutes);
  }
  return [...existing, ...added];
}

/**
 * A report to a level meets that level's earliest pending obligation (on time or late). Skipping levels is allowed
 * (Art. 10), so a report to a higher level also meets pending obligations below it. The next pending levels are
 * then due a step after this report (a step after each other).
 */
function meet(
  obligations: readonly Obligation[],
  fact: Extract<DeadlineFact, { type: 'passedUp' }>,
  profile: DeadlineProfile,
): Obligation[] {
  const metIds = new Set(
    obligations.filter((o) => o.status === 'pending' && rank(o.level) <= rank(fact.level)).map((o) => o.id),
  );
  let due = plus(fact.at, profile.nextLevelMinutes);
  return obligations.map((o) => {
    if (metIds.has(o.id))
      return {
        ...o,
        status: Date.parse(fact.at) <= Date.parse(o.dueAt) ? 'met' : 'late',
        reportedAt: fact.at,
        reportedBy: fact.by,
      };
    if (o.status !== 'pending' || o.kind === 'supplementary' || rank(o.level) <= rank(fact.level)) return o;
    const retimed = { ...o, dueAt: due };
    due = plus(due, profile.nextLevelMinutes);
    return retimed;
  });
}

/** Where a pending obligation stands at `now`: alarms start 10 minutes before the deadline. */
export const DUE_WARNING_MINUTES = 10;
export function alarmOf(obligation: Obligation, now: Date): 'due' | 'overdue' | undefined {
  if (obligation.status !== 'pending') return undefined;
  const left = Date.parse(obligation.dueAt) - now.getTime();
  if (left < 0) return 'overdue';
  return left <= DUE_WARNING_MINUTES * MINUTE ? 'due' : undefined;
}
