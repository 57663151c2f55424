import type { AlarmKind, AlarmSeverity, EscalationLevel } from '../../contract';

/**
 * How long an alarm may stay unacknowledged before it is escalated: to the shift leader (带班领导) after
 * `leaderMinutes`, to the commander (指挥长) after `commanderMinutes`. Code-defined per jurisdiction, like the
 * reporting profiles: a jurisdiction listed here overrides the default, its descendants inherit the nearest entry.
 */
export interface EscalationProfile {
  name: string;
  leaderMinutes: number;
  commanderMinutes: number;
}

/**
 * The default: 5 minutes is what a watch needs to see, read and take an alarm in hand at night; 15 minutes unanswered
 * means the watch is away or overwhelmed, and the commander must know before a 30-minute deadline is lost.
 */
export const DEFAULT_ESCALATION_PROFILE: EscalationProfile = {
  name: '默认（5 分钟报带班领导，15 分钟报指挥长）',
  leaderMinutes: 5,
  commanderMinutes: 15,
};

/** Jurisdictions with a profile of their own (none differ yet; an entry here is the whole change). */
export const ESCALATION_PROFILES: Readonly<Record<string, EscalationProfile>> = {};

/** The profile of a jurisdiction: its own, else its nearest ancestor's (`lineage`: the code first), else the default. */
export function escalationProfileOf(lineage: readonly string[]): EscalationProfile {
  for (const code of lineage) {
    const profile = ESCALATION_PROFILES[code];
    if (profile) return profile;
  }
  return DEFAULT_ESCALATION_PROFILE;
}

/** The level an unacknowledged alarm raised at `raisedAt` has reached at `now`. */
export function escalationLevelAt(profile: EscalationProfile, raisedAt: Date, now: Date): EscalationLevel {
  const minutes = (now.getTime() - raisedAt.getTime()) / 60_000;
  if (minutes >= profile.commanderMinutes) return 2;
  if (minutes >= profile.leaderMinutes) return 1;
  return 0;
}

export const ESCALATION_LABELS: Record<EscalationLevel, string | null> = {
  0: null,
  1: '已升级至带班领导',
  2: '已升级至指挥长',
};

/**
 * The urgency class of an alarm, most urgent first: an overdue deadline (a legal duty already missed), a deadline
 * about to pass, a watch that did not answer a roll call, then stock and warnings (they need attention, not a minute
 * count). Within a class, the earliest due time (else the earliest raised) comes first.
 */
export function urgencyClass(kind: AlarmKind, severity: AlarmSeverity): number {
  if (kind === 'deadline') return severity === 'critical' ? 0 : 1;
  if (kind === 'roll_call') return 2;
  if (kind === 'monitoring' || kind === 'hidden_hazard') return 3;
  return 4;
}

/** One number to sort by: the class, then the due (or raised) instant in seconds. */
export function urgencyOf(kind: AlarmKind, severity: AlarmSeverity, dueAt: string | null, raisedAt: string): number {
  const seconds = Math.floor(Date.parse(dueAt ?? raisedAt) / 1000);
  return urgencyClass(kind, severity) * 10_000_000_000 + seconds;
}
