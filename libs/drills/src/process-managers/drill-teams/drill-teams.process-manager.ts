import type { EntityManager } from 'typeorm';
import { runProcessSteps, type CommandExecutor, type LiveDelta, type Recorded } from '@app/event-sourcing';
import type { Projection } from '@app/event-sourcing/projections';
import type { TeamAvailabilityQueries } from '@app/teams';
import { drillAggregate } from '../../application/drill.aggregate';
import { drillTeamsEvents, drillTeamsWorkflow, type DrillTeamsEvent } from './drill-teams.workflow';

const ACTOR = { id: 'drill-teams-process', name: '演练流程' };

/**
 * Releases the real teams of a live drill that ended (drill-teams.workflow.ts decides which). It rides on the
 * checkpointed projection runner like the dispatch process, so it sees every event at least once: a crash between
 * `DrillEnded` and the releases is finished on redelivery, and each release is keyed by the event that caused it, so
 * a redelivered event appends nothing. Its executor must not wait on read models (it runs inside their runner).
 */
export class DrillTeamsProcessManager implements Projection<DrillTeamsEvent> {
  readonly name = 'drill-teams-process';
  readonly filter = { kind: 'eventTypePrefix', prefixes: ['DrillEnded', 'TeamTakenIntoDrill'] } as const;
  readonly events = drillTeamsEvents;

  constructor(
    private readonly executor: CommandExecutor,
    private readonly teams: Pick<TeamAvailabilityQueries, 'idsInDrill'>,
  ) {}

  async apply(events: readonly Recorded<DrillTeamsEvent>[], _manager: EntityManager): Promise<LiveDelta[]> {
    for (const event of events) await this.react(event);
    return [];
  }

  async reset(): Promise<void> {
    // No state of its own: every step is decided from the streams.
  }

  private async react(event: Recorded<DrillTeamsEvent>): Promise<void> {
    const drillId = event.data.drillId;
    const { state: drill } = await this.executor.load(drillAggregate, drillId);
    const stillMarked = event.type === 'DrillEnded' ? await this.teams.idsInDrill(drillId) : [];
    await runProcessSteps(
      this.executor,
      ACTOR,
      event,
      drillTeamsWorkflow(event, { drill, stillMarked }, this.executor.now()),
    );
  }
}
