import { EventRegistry, unknownCase, type ProcessStep } from '@app/event-sourcing';
import { teamAggregate, teamEvents, type TeamCommand } from '@app/teams';
import { drillEvents } from '../../domain/drill/drill.events';
import type { DrillState } from '../../domain/drill/drill.state';

/** The two events the drill-teams process reacts to, read through their contexts' registries. */
export const drillTeamsEvents = EventRegistry.union(
  drillEvents.only('DrillEnded'),
  teamEvents.only('TeamTakenIntoDrill'),
);
export type DrillTeamsEvent = typeof drillTeamsEvents extends EventRegistry<infer E> ? E : never;

/** What the process manager loads before asking the workflow. */
export interface DrillTeamsFacts {
  /** The drill as its stream holds it now. */
  drill: DrillState;
  /** Teams the availability board still shows in this drill (read only for `DrillEnded`). */
  stillMarked: readonly string[];
}

/**
 * Live drills (docs/domain.md rule 21): when a drill ends, every real team still in it goes back to `available`. The teams to release are those
 * the drill stream lists (joined, not recalled) plus any team whose board row still names the drill (taken in, but a
 * crash came before the drill recorded it). A team taken into a drill that had already ended (a join racing the end)
 * is released as soon as its `TeamTakenIntoDrill` arrives. Each release is keyed by the team (one step per team).
 */
export function drillTeamsWorkflow(
  event: DrillTeamsEvent,
  facts: DrillTeamsFacts,
  now: Date,
): ProcessStep<TeamCommand>[] {
  switch (event.type) {
    case 'DrillEnded': {
      const listed = facts.drill.status === 'none' ? [] : facts.drill.teams;
      return [...new Set([...listed, ...facts.stillMarked])].map((teamId) =>
        release(teamId, event.data.drillId, now, teamId),
      );
    }
    case 'TeamTakenIntoDrill':
      return facts.drill.status === 'ended' ? [release(event.data.teamId, event.data.drillId, now)] : [];
    default:
      return unknownCase(event);
  }
}

/** A team that no longer exists, or already left the drill by hand, is not a failure of the release. */
function release(teamId: string, drillId: string, now: Date, step?: string): ProcessStep<TeamCommand> {
  return {
    aggregate: teamAggregate,
    id: teamId,
    command: { type: 'ReleaseTeamFromDrill', drillId, reason: 'drill_ended', now },
    ...(step ? { step } : {}),
    toleratesRuleErrors: true,
  };
}
