import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../test/support/test-database';
import { ProcessManagerSeating1732000003650 } from './1732000003650-process-manager-seating';

/**
 * The upgrade lists for seating exactly the process managers whose facts tables it could not fill: those whose
 * checkpoint is past the start and came from another store than this database's log.
 */
describe('migration 1732000003650: process managers listed for seating', () => {
  let database: { url: string; ownerUrl: string; drop(): Promise<void> };
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource({ type: 'postgres', url: database.ownerUrl }).initialize();
  }, 60_000);
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const checkpoint = (projection: string, commit: number, store: string | null) =>
    dataSource.query(
      `insert into projection_checkpoints (projection, position_commit, position_prepare, store) values ($1, $2, $2, $3)`,
      [projection, commit, store],
    );

  it('lists a process manager past the start on KurrentDB (or untagged), not one on PostgreSQL, at the start, or a projection', async () => {
    await checkpoint('dispatch-process', 120, 'kurrentdb');
    await checkpoint('drill-teams-process', 0, 'kurrentdb');
    await checkpoint('incident-board', 300, 'kurrentdb');
    const runner = dataSource.createQueryRunner();
    const migration = new ProcessManagerSeating1732000003650();
    try {
      await migration.down(runner);
      await migration.up(runner);
      expect(await dataSource.query(`select projection from process_manager_seating`)).toEqual([
        { projection: 'dispatch-process' },
      ]);

      await dataSource.query(
        `update projection_checkpoints set store = 'postgres' where projection = 'dispatch-process'`,
      );
      await dataSource.query(
        `update projection_checkpoints set position_commit = 5, store = null where projection = 'drill-teams-process'`,
      );
      await migration.down(runner);
      await migration.up(runner);
      expect(await dataSource.query(`select projection from process_manager_seating`)).toEqual([
        { projection: 'drill-teams-process' },
      ]);
    } finally {
      await runner.release();
    }
  });
});
