import type { EntityManager } from 'typeorm';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { handleCommand, load, type CommandContext, type LiveDelta } from '@app/event-sourcing';
import type { Projection } from '@app/event-sourcing/projections';
import { incidentDecider, incidentStream, type IncidentEvent } from '@app/incidents';
import { DomainError, type Clock } from '@app/shared';
import { teamDecider } from '../domain/team.decider';
import type { TeamEvent } from '../domain/team.events';
import { teamStream } from '../domain/team.types';

/**
 * Dispatch across aggregates (issue 4): links team dispatches and status reports to the incident, and sends an
 * incident's teams back (`returning`) when it closes. It runs as a checkpointed subscriber of the projection runner,
 * so it sees every event at least once; each step's idempotency key derives from the event that caused it, so a
 * redelivered event appends nothing new.
 */
export class DispatchProcessManager implements Projection {
  readonly name = 'dispatch-process';
  readonly filter = { kind: 'eventTypePrefix', prefixes: ['TeamDispatched', 'TeamStatusReported', 'IncidentClosed'] } as const;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async apply(events: readonly RecordedEvent[]): Promise<LiveDelta[]> {
    for (const recorded of events) await this.react(recorded);
    return [];
  }

  /** A process manager keeps no read model of its own: nothing to reset. */
  async reset(_manager: EntityManager): Promise<void> {}

  private async react(recorded: RecordedEvent): Promise<void> {
    const event = recorded as unknown as TeamEvent | IncidentEvent;
    const context = (suffix = ''): CommandContext => ({
      correlationId: recorded.metadata.correlationId,
      causationId: recorded.id,
      actorId: 'dispatch-process',
      actorName: '调度流程',
      idempotencyKey: `pm:${recorded.id}${suffix}`,
    });
    const deps = { store: this.store, clock: this.clock };
    switch (event.type) {
      case 'TeamDispatched': {
        const team = await load(this.store, teamDecider, recorded.streamName);
        const teamName = team.state.status === 'none' ? event.data.teamId : team.state.name;
        await handleCommand(deps, incidentDecider, incidentStream(event.data.incidentId), {
          type: 'AssignTeam', teamId: event.data.teamId, teamName, task: event.data.task, dispatchedAt: new Date(event.data.dispatchedAt),
        }, context());
        return;
      }
      case 'TeamStatusReported': {
        if (!event.data.incidentId) return;
        const team = await load(this.store, teamDecider, recorded.streamName);
        const teamName = team.state.status === 'none' ? event.data.teamId : team.state.name;
        await handleCommand(deps, incidentDecider, incidentStream(event.data.incidentId), {
          type: 'RecordAssignedTeamStatus', teamId: event.data.teamId, teamName, status: event.data.status, at: new Date(event.data.reportedAt),
        }, context());
        return;
      }
      case 'IncidentClosed': {
        const incident = await load(this.store, incidentDecider, recorded.streamName);
        if (incident.state.status === 'none') return;
        const committed = Object.entries(incident.state.assignedTeams).filter(([, s]) => s === 'dispatched' || s === 'en_route' || s === 'on_scene');
        for (const [teamId] of committed) {
          await handleCommand(deps, teamDecider, teamStream(teamId), {
            type: 'ReportTeamStatus', status: 'returning', note: '事故已结案，队伍返回', now: this.clock.now(),
          }, context(`:${teamId}`)).catch((error: unknown) => {
            // The team may already have moved on (stood down by hand); that is not a failure of the process.
            if (!(error instanceof DomainError)) throw error;
          });
        }
        return;
      }
      default:
        return;
    }
  }
}
