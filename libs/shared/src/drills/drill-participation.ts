import { domainError } from '../errors/domain-error';

/**
 * A write of drill data (演练数据) that another context asks the drills context about: an incident or warning that
 * names a drill, or a follow-up on one. Incidents and warnings must not depend on the drills context, so they hold
 * this port and the drills context provides it.
 */
export interface DrillDataWrite {
  drillId: string;
  /** The jurisdiction of the incident or warning written: it must lie in the drill's jurisdiction or below it. */
  jurisdiction: string;
  /** The signed-in user who writes; undefined for the system's own actors (the drill scheduler). */
  actor?: { roles: readonly string[]; scope: readonly string[] };
}

export interface DrillParticipation {
  /**
   * Resolves when the write may go ahead: the drill exists, is running, the data lies within it, and the actor takes
   * part in it. Throws a DomainError otherwise (DRILL_NOT_FOUND 404 for unknown or out-of-scope drills, so existence
   * does not leak; DRILL_NOT_RUNNING 409; DRILL_JURISDICTION_MISMATCH 422).
   */
  assertMayWrite(write: DrillDataWrite): Promise<void>;
}

export const DRILL_PARTICIPATION = Symbol('DRILL_PARTICIPATION');

/**
 * The one DRILL_NOT_FOUND of every context: the drill is unknown or outside the reader's jurisdictions (one answer for
 * both, so existence does not leak). The replay says the second half aloud; everywhere else the detail is "演练不存在".
 */
export const DrillNotFoundError = domainError({
  code: 'DRILL_NOT_FOUND',
  kind: 'not_found',
  message: (wording: 'plain' | 'or-outside-jurisdiction' = 'plain') =>
    wording === 'plain' ? '演练不存在' : '演练不存在或不在本辖区',
});

/** The actor of a command context as the port wants it: a context without visible jurisdictions is the system's own. */
export function drillActorOf(context: {
  visibleJurisdictions?: readonly string[];
  actorRoles?: readonly string[];
}): DrillDataWrite['actor'] {
  return context.visibleJurisdictions
    ? { roles: context.actorRoles ?? [], scope: context.visibleJurisdictions }
    : undefined;
}

/** Without the drills context wired in, no drill can be named: drill data is refused rather than let through unchecked. */
export const NO_DRILLS: DrillParticipation = {
  assertMayWrite: () => Promise.reject(new DrillNotFoundError()),
};

/** A follow-up that names one drill on data of another drill, or on real data (nothing real moves into a drill). */
export const NotADrillIncidentRecordError = domainError({
  code: 'NOT_A_DRILL_INCIDENT',
  kind: 'rule',
  message: '只能对本次演练的演练事故注入或模拟处置',
  details: (incidentId: string) => ({ incidentId }),
});

export const NotADrillWarningRecordError = domainError({
  code: 'NOT_A_DRILL_WARNING',
  kind: 'rule',
  message: '只能调整或解除本次演练的演练预警',
  details: (warningId: string) => ({ warningId }),
});
