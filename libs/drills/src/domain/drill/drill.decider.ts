import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import type { DrillCommand } from './drill.commands';
import {
  DrillAlreadyPlannedError,
  DrillAlreadyStartedError,
  DrillNotFoundError,
  DrillNotRunningError,
  InjectNotFoundError,
  NotALiveDrillError,
  TeamNotInDrillError,
} from './drill.errors';
import { drillEvents, type DrillEvent } from './drill.events';
import { evolveDrill, initialDrillState, type DrillState } from './drill.state';
import { MAX_INJECT_ATTEMPTS } from './drill.types';

export function decideDrill(command: DrillCommand, state: DrillState): DrillEvent[] {
  const at = command.now.toISOString();
  if (command.type === 'PlanDrill') {
    if (state.status !== 'none') throw new DrillAlreadyPlannedError();
    const { type: _t, now: _n, ...plan } = command;
    return [{ type: 'DrillPlanned', data: { ...plan, participants: [...plan.participants], plannedAt: at } }];
  }
  if (state.status === 'none') throw new DrillNotFoundError();
  switch (command.type) {
    case 'StartDrill':
      if (state.status !== 'planned') throw new DrillAlreadyStartedError(state.status);
      return [{ type: 'DrillStarted', data: { drillId: state.drillId, startedAt: at, startedBy: command.startedBy } }];
    case 'RecordInjectExecuted': {
      if (command.index !== null) {
        if (!state.scenario || command.index < 0 || command.index >= state.scenario.injects.length)
          throw new InjectNotFoundError(command.index);
        // Each scripted inject runs once: a second scheduler (or a retried tick) that got here too changes nothing; one
        // given up after failing stays given up.
        if (state.executed.includes(command.index) || state.skipped.includes(command.index)) return [];
      }
      if (state.status !== 'running') throw new DrillNotRunningError(state.status);
      return [
        {
          type: 'InjectExecuted',
          data: {
            drillId: state.drillId,
            index: command.index,
            kind: command.kind,
            payload: command.payload,
            executedAt: at,
            incidentId: command.incidentId,
          },
        },
      ];
    }
    case 'RecordInjectFailed': {
      if (!state.scenario || command.index < 0 || command.index >= state.scenario.injects.length)
        throw new InjectNotFoundError(command.index);
      // One that ran or was given up already (another scheduler got there first) is done with.
      if (state.executed.includes(command.index) || state.skipped.includes(command.index)) return [];
      if (state.status !== 'running') throw new DrillNotRunningError(state.status);
      const attempt = (state.failures[command.index] ?? 0) + 1;
      return [
        {
          type: 'InjectFailed',
          data: {
            drillId: state.drillId,
            index: command.index,
            attempt,
            reason: command.reason,
            code: command.code,
            failedAt: at,
            skipped: attempt >= MAX_INJECT_ATTEMPTS,
          },
        },
      ];
    }
    case 'EndDrill':
      if (state.status !== 'running') throw new DrillNotRunningError(state.status);
      return [{ type: 'DrillEnded', data: { drillId: state.drillId, endedAt: at, endedBy: command.endedBy } }];
    case 'JoinTeamToDrill':
      if (state.form !== 'live') throw new NotALiveDrillError();
      if (state.status !== 'running') throw new DrillNotRunningError(state.status);
      if (state.teams.includes(command.teamId)) return [];
      return [
        {
          type: 'TeamJoinedDrill',
          data: {
            drillId: state.drillId,
            teamId: command.teamId,
            at,
            ...(command.teamName ? { teamName: command.teamName } : {}),
          },
        },
      ];
    case 'RecallTeamFromDrill':
      if (state.form !== 'live') throw new NotALiveDrillError();
      if (state.status !== 'running') throw new DrillNotRunningError(state.status);
      if (!state.teams.includes(command.teamId)) throw new TeamNotInDrillError(command.teamId);
      return [
        {
          type: 'TeamRecalledFromDrill',
          data: { drillId: state.drillId, teamId: command.teamId, at, recalledBy: command.recalledBy },
        },
      ];
    default:
      return unknownCase(command);
  }
}

export const drillDecider = defineDecider<DrillCommand, DrillEvent, DrillState>({
  events: drillEvents,
  initialState: initialDrillState,
  evolve: evolveDrill,
  decide: decideDrill,
  notFound: () => new DrillNotFoundError(),
  // Every event of a drill carries its drill id, so its live deltas go to drill rooms only.
  scopeOf: (state) => (state.status === 'none' ? {} : { jurisdiction: state.jurisdiction, drillId: state.drillId }),
});
