import type { EntityManager } from 'typeorm';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { EventRegistry, handleCommand, load, type CommandContext, type LiveDelta, type Recorded, type SnapshotStore } from '@app/event-sourcing';
import type { Projection } from '@app/event-sourcing/projections';
import { DomainError, type Clock } from '@app/shared';
import { teamDecider, teamEvents, teamStream } from '@app/teams';
import { drillDecider } from '../domain/drill.decider';
import { drillEvents } from '../domain/drill.events';
import { drillStream } from '../domain/drill.types';

/**
 * Live drills (docs/domain.md rule 21): when a drill ends, every real team still in it goes back to `available`. It rides on the
 * checkpointed projection runner like DispatchProcessManager, so it sees every event at least once: a crash between
 * `DrillEnded` and the releases is finished on redelivery, and releasing a team no longer in that drill appends
 * nothing. The teams to release are those the drill stream lists (joined, not recalled) plus any team whose read
 * model row still names the drill (taken in, but the crash came before the drill recorded it). A team taken into a
 * drill that had already ended (a join racing the end) is released as soon as its `TeamTakenIntoDrill` arrives.
 */
/** The two events it reacts to, read through their contexts' registries. */
const reactsTo = EventRegistry.union(drillEvents.only('DrillEnded'), teamEvents.only('TeamTakenIntoDrill'));
type ReactsTo = typeof reactsTo extends EventRegistry<infer E> ? E : never;

export class DrillTeamsProcessManager implements Projection<ReactsTo> {
  readonly name = 'drill-teams-process';
  readonly filter = { kind: 'eventTypePrefix', prefixes: ['DrillEnded', 'TeamTakenIntoDrill'] } as const;
  readonly events = reactsTo;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly snapshots?: SnapshotStore,
  ) {}

  async apply(events: readonly Recorded<ReactsTo>[], manager: EntityManager): Promise<LiveDelta[]> {
    for (const recorded of events) await this.react(recorded, manager);
    return [];
  }

  async reset(): Promise<void> {
    // No state of its own: every step is decided from the streams.
  }

  private async react(event: Recorded<ReactsTo>, manager: EntityManager): Promise<void> {
    const recorded = event;
    if (event.type === 'DrillEnded') {
      const drill = await load(this.store, drillDecider, recorded.streamName);
      const listed = drill.state.status === 'none' ? [] : drill.state.teams;
      const stillMarked: { id: string }[] = await manager.query(`select id from team_availability where drill_id = $1`, [event.data.drillId]);
      for (const teamId of new Set([...listed, ...stillMarked.map((r) => r.id)])) await this.release(teamId, event.data.drillId, recorded, `:${teamId}`);
      return;
    }
    if (event.type === 'TeamTakenIntoDrill') {
      const drill = await load(this.store, drillDecider, drillStream(event.data.drillId));
      if (drill.state.status === 'ended') await this.release(event.data.teamId, event.data.drillId, recorded);
    }
  }

  private async release(teamId: string, drillId: string, recorded: RecordedEvent, suffix = ''): Promise<void> {
    const context: CommandContext = {
      correlationId: recorded.metadata.correlationId,
      causationId: recorded.id,
      actorId: 'drill-teams-process',
      actorName: '演练流程',
      idempotencyKey: `pm:${recorded.id}${suffix}`,
    };
    const deps = { store: this.store, clock: this.clock, ...(this.snapshots ? { snapshots: this.snapshots } : {}) };
    await handleCommand(deps, teamDecider, teamStream(teamId), { type: 'ReleaseTeamFromDrill', drillId, reason: 'drill_ended', now: this.clock.now() }, context)
      .catch((error: unknown) => {
        // A team that no longer exists is not a failure of the release.
        if (!(error instanceof DomainError)) throw error;
      });
  }
}
