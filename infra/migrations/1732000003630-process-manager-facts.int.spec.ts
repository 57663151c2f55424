import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PostgresEventStore, type RecordedEvent } from '@app/event-store';
import { createTestDatabase } from '../../test/support/test-database';
import { ProcessManagerFacts1732000003630 } from './1732000003630-process-manager-facts';

/**
 * An upgraded database gets the process managers' tables filled from its log up to each process's checkpoint, so they
 * resume with the facts they had; what lies after a checkpoint is left for the process to handle.
 */
describe('migration 1732000003630: the process managers’ facts from the log', () => {
  let database: { url: string; ownerUrl: string; drop(): Promise<void> };
  let dataSource: DataSource;
  let store: PostgresEventStore;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: database.ownerUrl }).initialize();
    store = new PostgresEventStore({ connectionString: database.ownerUrl, log: () => undefined });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  const append = async (stream: string, type: string, data: Record<string, unknown>): Promise<RecordedEvent> => {
    const id = randomUUID();
    const metadata = {
      correlationId: id,
      causationId: id,
      actorId: 'test',
      occurredAt: '2026-12-07T00:00:00Z',
      schemaVersion: 1,
    };
    await store.append(stream, [{ id, type, data, metadata }], 'any');
    return (await store.readStream(stream)).find((e) => e.id === id)!;
  };
  const checkpoint = (projection: string, at: RecordedEvent) =>
    dataSource.query(
      `insert into projection_checkpoints (projection, position_commit, position_prepare) values ($1, $2, $3)`,
      [projection, at.position.commit.toString(), at.position.prepare.toString()],
    );

  it('fills names, closes with their positions, the teams in each drill and the ended drills, up to the checkpoint', async () => {
    const [team, other, incident, later, drill] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    await append(`team-${team}`, 'TeamRegistered', { teamId: team, name: '旧名' });
    await append(`team-${team}`, 'TeamProfileUpdated', { teamId: team, name: '新名' });
    await append(`team-${team}`, 'TeamProfileUpdated', { teamId: team, headcount: 3 });
    const close = await append(`incident-${incident}`, 'IncidentClosed', { incidentId: incident });
    await append(`drill-${drill}`, 'TeamJoinedDrill', { drillId: drill, teamId: team });
    await append(`team-${other}`, 'TeamTakenIntoDrill', { drillId: drill, teamId: other });
    await append(`drill-${drill}`, 'TeamRecalledFromDrill', { drillId: drill, teamId: other });
    const drillCheckpoint = await append(`drill-${drill}`, 'DrillEnded', { drillId: drill });
    const dispatchCheckpoint = await append(`team-${other}`, 'TeamRegistered', { teamId: other, name: '二队' });
    // After both checkpoints: the processes will handle these themselves.
    await append(`incident-${later}`, 'IncidentClosed', { incidentId: later });
    await append(`team-${team}`, 'TeamProfileUpdated', { teamId: team, name: '更新后' });
    await checkpoint('dispatch-process', dispatchCheckpoint);
    await checkpoint('drill-teams-process', drillCheckpoint);

    const runner = dataSource.createQueryRunner();
    try {
      const migration = new ProcessManagerFacts1732000003630();
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }

    expect(
      await dataSource.query(`select team_id, name from process_dispatch_teams order by name collate "C"`),
    ).toEqual(
      [
        { team_id: other, name: '二队' },
        { team_id: team, name: '新名' },
      ].sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
    expect(
      await dataSource.query(
        `select incident_id, close_commit::text as commit, close_prepare::text as prepare from process_dispatch_closed_incidents`,
      ),
    ).toEqual([
      { incident_id: incident, commit: close.position.commit.toString(), prepare: close.position.prepare.toString() },
    ]);
    expect(await dataSource.query(`select drill_id, team_id from process_drill_teams`)).toEqual([
      { drill_id: drill, team_id: team },
    ]);
    expect(await dataSource.query(`select drill_id from process_ended_drills`)).toEqual([{ drill_id: drill }]);
  });
});
