import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import { warningEvents } from './warning.events';
import type { IssueWarning, UpdateWarning, WarningAuthority, WarningCommand } from './warning.commands';
import {
  DrillWarningsOnlyError,
  WarningAlreadyIssuedError,
  WarningExpiredError,
  WarningExpiresInPastError,
  WarningLiftedError,
  WarningNotFoundError,
  WarningTimesError,
} from './warning.errors';
import type { WarningChanges, WarningEvent } from './warning.events';
import { evolveWarning, initialWarningState, type WarningState } from './warning.state';

type Existing = Exclude<WarningState, { status: 'none' }>;

export function decideWarning(command: WarningCommand, state: WarningState): WarningEvent[] {
  if (command.type === 'IssueWarning') return issue(command, state);
  if (state.status === 'none') throw new WarningNotFoundError();
  assertAuthority(command.authority, state.drillId);
  // A lifted or expired warning is history: its CAP messages are final, a new situation gets a new warning.
  if (state.status === 'lifted') throw new WarningLiftedError(state.liftedAt);
  if (Date.parse(state.expires) <= command.now.getTime()) throw new WarningExpiredError(state.expires);
  switch (command.type) {
    case 'UpdateWarning':
      return update(command, state);
    case 'LiftWarning':
      return [
        {
          type: 'WarningLifted',
          data: { warningId: state.warningId, reason: command.reason, liftedAt: command.now.toISOString() },
        },
      ];
    default:
      return unknownCase(command);
  }
}

function issue(command: IssueWarning, state: WarningState): WarningEvent[] {
  if (state.status !== 'none') throw new WarningAlreadyIssuedError();
  assertAuthority(command.authority, command.drillId ?? null);
  assertTimes(command.effective, command.expires, command.now);
  return [
    {
      type: 'WarningIssued',
      data: {
        warningId: command.warningId,
        jurisdiction: command.jurisdiction,
        level: command.level,
        hazard: command.hazard,
        area: { description: command.area.description, polygon: command.area.polygon ?? null },
        message: command.message,
        instruction: command.instruction ?? null,
        effective: command.effective.toISOString(),
        expires: command.expires.toISOString(),
        channels: [...(command.channels ?? [])],
        drillId: command.drillId ?? null,
        incidentId: command.incidentId ?? null,
        issuedAt: command.now.toISOString(),
      },
    },
  ];
}

/** 调整: only what really changes goes into the event; an adjustment that changes nothing sends no CAP Update. */
function update(command: UpdateWarning, state: Existing): WarningEvent[] {
  const { expires, ...rest } = command.changes;
  const proposed: WarningChanges = { ...rest, ...(expires ? { expires: expires.toISOString() } : {}) };
  const changes = Object.fromEntries(
    Object.entries(proposed).filter(
      ([key, value]) =>
        value !== undefined && JSON.stringify(value) !== JSON.stringify(state[key as keyof WarningChanges]),
    ),
  ) as WarningChanges;
  if (Object.keys(changes).length === 0) return [];
  if (expires) assertTimes(new Date(state.effective), expires, command.now);
  return [
    {
      type: 'WarningUpdated',
      data: {
        warningId: state.warningId,
        changes,
        reason: command.reason ?? null,
        updatedAt: command.now.toISOString(),
      },
    },
  ];
}

function assertAuthority(authority: WarningAuthority, drillId: string | null): void {
  if (authority === 'drill_only' && drillId === null) throw new DrillWarningsOnlyError();
}

function assertTimes(effective: Date, expires: Date, now: Date): void {
  if (expires.getTime() <= effective.getTime())
    throw new WarningTimesError(effective.toISOString(), expires.toISOString());
  if (expires.getTime() <= now.getTime()) throw new WarningExpiresInPastError(expires.toISOString());
}

export const warningDecider = defineDecider<WarningCommand, WarningEvent, WarningState>({
  events: warningEvents,
  initialState: initialWarningState,
  evolve: evolveWarning,
  decide: decideWarning,
  notFound: () => new WarningNotFoundError(),
  scopeOf: (state) =>
    state.status === 'none'
      ? {}
      : { jurisdiction: state.jurisdiction, ...(state.drillId ? { drillId: state.drillId } : {}) },
});
