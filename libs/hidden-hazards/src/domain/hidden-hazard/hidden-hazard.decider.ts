import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import type {
  CloseHiddenHazard,
  ExtendHiddenHazardDeadline,
  HiddenHazardCommand,
  RecordHiddenHazard,
  SuperviseHiddenHazard,
  VerifyHiddenHazard,
} from './hidden-hazard.commands';
import {
  HiddenHazardAlreadyRecordedError,
  HiddenHazardAlreadyVerifiedError,
  HiddenHazardClosedError,
  HiddenHazardDeadlineNotAfterNowError,
  HiddenHazardDeadlineNotLaterError,
  HiddenHazardDeadlineOnPassedError,
  HiddenHazardDeadlineBeforeFoundError,
  HiddenHazardFoundInFutureError,
  HiddenHazardNotFoundError,
  HiddenHazardNotMajorError,
  HiddenHazardNotRectifiedError,
  HiddenHazardNotRectifyingError,
  HiddenHazardNotVerifiedError,
  HiddenHazardStandardRequiredError,
  HiddenHazardSupervisedAboveError,
  HiddenHazardSupervisionAboveActorError,
  HiddenHazardSupervisionLevelUnavailableError,
  HiddenHazardSupervisionNotUpwardError,
} from './hidden-hazard.errors';
import { hiddenHazardEvents, type HiddenHazardEvent, type HiddenHazardPersonRef } from './hidden-hazard.events';
import { evolveHiddenHazard, initialHiddenHazardState, type HiddenHazardState } from './hidden-hazard.state';
import { SUPERVISION_RANK, type HiddenHazardActor } from './hidden-hazard.types';
import { atOrAbove, supervisingJurisdiction } from './supervision';

type Existing = Exclude<HiddenHazardState, { status: 'none' }>;

/** A finding stamped a little ahead of the server's clock is a clock difference, not a finding from the future. */
export const FOUND_AT_SKEW_MS = 60_000;

/**
 * The lifecycle of rule 32 (docs/domain.md): 整改 → 验收 (passed, or failed back to 整改) → 销号, with 挂牌督办 of a
 * major hazard at any point before 验收 passes. A closed hazard answers every command with HIDDEN_HAZARD_CLOSED; once
 * supervised, 验收 and 销号 belong to the supervising level or above (checked before the status, so that a county is
 * told it may not act rather than what it would have to wait for).
 */
export function decideHiddenHazard(command: HiddenHazardCommand, state: HiddenHazardState): HiddenHazardEvent[] {
  if (command.type === 'RecordHiddenHazard') return record(command, state);
  if (state.status === 'none') throw new HiddenHazardNotFoundError();
  if (state.status === 'closed') throw new HiddenHazardClosedError(state.closedAt ?? command.now.toISOString());
  const at = command.now.toISOString();
  const id = state.hiddenHazardId;
  const by = personOf(command.actor);
  switch (command.type) {
    case 'SuperviseHiddenHazard':
      return supervise(command, state, at, by);
    case 'RectifyHiddenHazard':
      if (state.status !== 'rectifying') throw new HiddenHazardNotRectifyingError(state.status);
      return [{ type: 'HiddenHazardRectified', data: { hiddenHazardId: id, note: command.note.trim(), at, by } }];
    case 'VerifyHiddenHazard':
      assertSupervisorOrAbove(command, state);
      if (state.status !== 'rectified') throw new HiddenHazardNotRectifiedError(state.status);
      return verify(command, id, at, by);
    case 'ExtendHiddenHazardDeadline':
      return extend(command, state, at, by);
    case 'CloseHiddenHazard':
      assertSupervisorOrAbove(command, state);
      if (state.status !== 'verified') throw new HiddenHazardNotVerifiedError(state.status);
      return [{ type: 'HiddenHazardClosed', data: { hiddenHazardId: id, at, by } }];
    default:
      return unknownCase(command);
  }
}

function record(command: RecordHiddenHazard, state: HiddenHazardState): HiddenHazardEvent[] {
  if (state.status !== 'none') throw new HiddenHazardAlreadyRecordedError();
  const standard = command.standard?.trim() || null;
  if (command.grade === 'major' && !standard) throw new HiddenHazardStandardRequiredError();
  if (command.foundAt.getTime() > command.now.getTime() + FOUND_AT_SKEW_MS)
    throw new HiddenHazardFoundInFutureError(command.foundAt.toISOString());
  const { rectification: r } = command;
  if (r.deadline.getTime() <= command.foundAt.getTime())
    throw new HiddenHazardDeadlineBeforeFoundError(r.deadline.toISOString());
  return [
    {
      type: 'HiddenHazardRecorded',
      data: {
        hiddenHazardId: command.hiddenHazardId,
        enterpriseId: command.enterpriseId,
        enterpriseName: command.enterpriseName,
        jurisdiction: command.jurisdiction,
        hazardSourceId: command.hazardSourceId,
        hazardSourceName: command.hazardSourceName,
        title: command.title.trim(),
        description: command.description.trim(),
        grade: command.grade,
        standard,
        source: command.source,
        foundAt: command.foundAt.toISOString(),
        foundBy: command.foundBy.trim(),
        rectification: {
          measures: r.measures.trim(),
          deadline: r.deadline.toISOString(),
          responsible: { name: r.responsible.name.trim(), phone: r.responsible.phone?.trim() || null },
        },
        recordedAt: command.now.toISOString(),
        by: personOf(command.actor),
      },
    },
  ];
}

/**
 * 挂牌督办: major hazards only, before 验收 passes; the supervising government is the hazard's ancestor at that level,
 * which must be the actor's own jurisdiction or one below it; a hazard already supervised only moves up.
 */
function supervise(
  command: SuperviseHiddenHazard,
  state: Existing,
  at: string,
  by: HiddenHazardPersonRef,
): HiddenHazardEvent[] {
  if (state.grade !== 'major') throw new HiddenHazardNotMajorError();
  if (state.status === 'verified') throw new HiddenHazardAlreadyVerifiedError();
  const current = state.supervision?.level ?? null;
  if (current && SUPERVISION_RANK[command.level] <= SUPERVISION_RANK[current])
    throw new HiddenHazardSupervisionNotUpwardError(current, command.level);
  const jurisdiction = supervisingJurisdiction(command.line, command.level);
  if (!jurisdiction) throw new HiddenHazardSupervisionLevelUnavailableError(command.level);
  if (!atOrAbove(command.line, command.actor.jurisdiction, jurisdiction))
    throw new HiddenHazardSupervisionAboveActorError(command.level);
  return [
    {
      type: 'HiddenHazardSupervised',
      data: {
        hiddenHazardId: state.hiddenHazardId,
        level: command.level,
        jurisdiction,
        previousLevel: current,
        at,
        by,
      },
    },
  ];
}

/**
 * 验收: a failed one starts the next round, and may give it a new deadline (after now) so that the hazard sent back is
 * not overdue the moment it returns; without one the deadline stays as it was.
 */
function verify(command: VerifyHiddenHazard, id: string, at: string, by: HiddenHazardPersonRef): HiddenHazardEvent[] {
  const deadline = command.deadline ?? null;
  if (deadline && command.passed) throw new HiddenHazardDeadlineOnPassedError();
  if (deadline && deadline.getTime() <= command.now.getTime())
    throw new HiddenHazardDeadlineNotAfterNowError(deadline.toISOString());
  return [
    {
      type: 'HiddenHazardVerified',
      data: {
        hiddenHazardId: id,
        passed: command.passed,
        note: command.note.trim(),
        ...(deadline ? { deadline: deadline.toISOString() } : {}),
        at,
        by,
      },
    },
  ];
}

/**
 * 延期: only while rectifying, only later than the current deadline and after now; a supervised hazard's deadline
 * belongs to the supervising level or above, like its 验收 (a county cannot quietly push back what the city supervises).
 */
function extend(
  command: ExtendHiddenHazardDeadline,
  state: Existing,
  at: string,
  by: HiddenHazardPersonRef,
): HiddenHazardEvent[] {
  assertSupervisorOrAbove(command, state);
  if (state.status !== 'rectifying') throw new HiddenHazardNotRectifyingError(state.status);
  const deadline = command.deadline.toISOString();
  if (command.deadline.getTime() <= new Date(state.deadline).getTime())
    throw new HiddenHazardDeadlineNotLaterError(deadline, state.deadline);
  if (command.deadline.getTime() <= command.now.getTime()) throw new HiddenHazardDeadlineNotAfterNowError(deadline);
  return [
    {
      type: 'HiddenHazardDeadlineExtended',
      data: {
        hiddenHazardId: state.hiddenHazardId,
        previousDeadline: state.deadline,
        deadline,
        reason: command.reason.trim(),
        at,
        by,
      },
    },
  ];
}

function assertSupervisorOrAbove(
  command: VerifyHiddenHazard | CloseHiddenHazard | ExtendHiddenHazardDeadline,
  state: Existing,
): void {
  const supervision = state.supervision;
  if (!supervision) return;
  if (!atOrAbove(command.line, command.actor.jurisdiction, supervision.jurisdiction))
    throw new HiddenHazardSupervisedAboveError(supervision.level, supervision.jurisdiction);
}

function personOf(actor: HiddenHazardActor): HiddenHazardPersonRef {
  return { id: actor.id, name: actor.name };
}

export const hiddenHazardDecider = defineDecider<HiddenHazardCommand, HiddenHazardEvent, HiddenHazardState>({
  events: hiddenHazardEvents,
  initialState: initialHiddenHazardState,
  evolve: evolveHiddenHazard,
  decide: decideHiddenHazard,
  notFound: () => new HiddenHazardNotFoundError(),
  scopeOf: (state) => (state.status === 'none' ? {} : { jurisdiction: state.jurisdiction }),
});
