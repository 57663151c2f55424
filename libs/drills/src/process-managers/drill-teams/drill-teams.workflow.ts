import { EventRegistry, unknownCase, type ProcessStep } from '@app/event-sourcing';
import { teamAggregate, teamEvents, type TeamCommand } from '@app/teams';
import { drillEvents } from '../../domain/drill/drill.events';

/**
 * The events the drill-teams process reads, through their contexts' registries: it acts on `DrillEnded` and
 * `TeamTakenIntoDrill`; the joins and recalls only keep its table of the teams in each drill.
 */
export const drillTeamsEvents = EventRegistry.union(
  drillEvents.only('DrillEnded', 'TeamJoinedDrill', 'TeamRecalledFromDrill'),
  teamEvents.only('TeamTakenIntoDrill'),
);
export type DrillTeamsEvent = typeof drillTeamsEvents extends EventRegistry<infer E> ? E : never;

/** What the process manager knows before asking the workflow (its own tables, and the board for `DrillEnded`). */
export interface DrillTeamsFacts {
  /** The drill's end was handled before this event (it lies earlier in store order). */
  ended: boolean;
  /** Real teams in the drill as far as the process has seen: joined on the drill or taken in, and not recalled. */
  inDrill: readonly string[];
  /** Teams the availability board still shows in this drill (read only for `DrillEnded`). */
  stillMarked: readonly string[];
}

/**
 * Live drills (docs/domain.md rule 21): when a drill ends, every real team still in it goes back to `available`. The
 * teams to release are those the process saw join or be taken into the drill (and not recalled) plus any team whose
 * board row still names the drill. A team taken into a drill whose end came earlier in store order (a join racing the
 * end) is released as soon as its `TeamTakenIntoDrill` arrives. Each release is keyed by the team (one step per team),
 * and releasing a team that already left the drill appends nothing (the team's decider).
 */
export function drillTeamsWorkflow(
  event: DrillTeamsEvent,
  facts: DrillTeamsFacts,
  now: Date,
): ProcessStep<TeamCommand>[] {
  switch (event.type) {
    case 'DrillEnded':
      return [...new Set([...facts.inDrill, ...facts.stillMarked])].map((teamId) =>
        release(teamId, event.data.drillId, now, teamId),
      );
    case 'TeamTakenIntoDrill':
      return facts.ended ? [release(event.data.teamId, event.data.drillId, now)] : [];
    case 'TeamJoinedDrill':
    case 'TeamRecalledFromDrill':
      return [];
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
