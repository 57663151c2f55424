import type { EntityManager } from 'typeorm';
import { runProcessSteps, type CommandExecutor, type LiveDelta, type Recorded } from '@app/event-sourcing';
import type { ProcessManager } from '@app/event-sourcing/projections';
import type { TeamAvailabilityQueries } from '@app/teams';
import {
  drillTeamsEvents,
  drillTeamsWorkflow,
  type DrillTeamsEvent,
  type DrillTeamsFacts,
} from './drill-teams.workflow';

const ACTOR = { id: 'drill-teams-process', name: '演练流程' };

/**
 * Releases the real teams of a live drill that ended (drill-teams.workflow.ts decides which). It rides on the
 * checkpointed projection runner like the dispatch process, so it sees every event at least once: a crash between
 * `DrillEnded` and the releases is finished on redelivery, and each release is keyed by the event that caused it, so
 * a redelivered event appends nothing. Its executor must not wait on read models (it runs inside their runner).
 *
 * It decides from its own two tables (the teams in each drill, the drills whose end it handled), written in the same
 * transaction as its checkpoint, instead of loading the drill's stream (every inject is on it) for each event.
 */
export class DrillTeamsProcessManager implements ProcessManager<DrillTeamsEvent> {
  readonly kind = 'process-manager';
  readonly name = 'drill-teams-process';
  readonly filter = {
    kind: 'eventTypePrefix',
    prefixes: ['DrillEnded', 'TeamTakenIntoDrill', 'TeamJoinedDrill', 'TeamRecalledFromDrill'],
  } as const;
  readonly events = drillTeamsEvents;

  constructor(
    private readonly executor: CommandExecutor,
    private readonly teams: Pick<TeamAvailabilityQueries, 'idsInDrill'>,
  ) {}

  async apply(events: readonly Recorded<DrillTeamsEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    for (const event of events) {
      if (event.type === 'DrillEnded' || event.type === 'TeamTakenIntoDrill') {
        const facts = await this.factsFor(event, manager);
        await runProcessSteps(this.executor, ACTOR, event, drillTeamsWorkflow(event, facts, this.executor.now()));
      }
      await this.keep(event, manager);
    }
    return [];
  }

  async seat(events: readonly Recorded<DrillTeamsEvent>[], manager: EntityManager): Promise<void> {
    for (const event of events) await this.keep(event, manager);
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate process_drill_teams, process_ended_drills');
  }

  private async factsFor(event: Recorded<DrillTeamsEvent>, manager: EntityManager): Promise<DrillTeamsFacts> {
    const drillId = event.data.drillId;
    const endedRows: unknown[] = await manager.query(`select 1 from process_ended_drills where drill_id = $1`, [
      drillId,
    ]);
    const ended = endedRows.length > 0;
    if (event.type !== 'DrillEnded') return { ended, inDrill: [], stillMarked: [] };
    const rows: { team_id: string }[] = await manager.query(
      `select team_id from process_drill_teams where drill_id = $1 order by team_id`,
      [drillId],
    );
    return { ended, inDrill: rows.map((r) => r.team_id), stillMarked: await this.teams.idsInDrill(drillId) };
  }

  /** The tables after this event, the same whether its steps ran (`apply`) or not (`seat`). */
  private async keep(event: Recorded<DrillTeamsEvent>, manager: EntityManager): Promise<void> {
    const { drillId } = event.data;
    switch (event.type) {
      case 'DrillEnded':
        await manager.query(`insert into process_ended_drills (drill_id) values ($1) on conflict do nothing`, [
          drillId,
        ]);
        return;
      case 'TeamJoinedDrill':
      case 'TeamTakenIntoDrill':
        await manager.query(
          `insert into process_drill_teams (drill_id, team_id) values ($1, $2) on conflict do nothing`,
          [drillId, event.data.teamId],
        );
        return;
      case 'TeamRecalledFromDrill':
        await manager.query(`delete from process_drill_teams where drill_id = $1 and team_id = $2`, [
          drillId,
          event.data.teamId,
        ]);
        return;
    }
  }
}
