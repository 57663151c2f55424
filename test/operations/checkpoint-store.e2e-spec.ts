import { Client } from 'pg';
import { dropDatabase } from '../support/test-database';
import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody } from '../support/incident-fixtures';
import { until } from '../support/eventually';

/**
 * Checkpoints name the store that gave their position (docs/kurrentdb.md): a database whose read models were built
 * from KurrentDB must not be resumed by a start on the PostgreSQL store, where those positions mean other events.
 */
describe('a start on another store than the checkpoints came from', () => {
  let t: TestApp | undefined;
  let databaseUrl = '';
  let ownerUrl = '';
  afterAll(async () => {
    await t?.close();
    if (!t && databaseUrl) await dropDatabase(databaseUrl).catch(() => undefined);
  });

  it('tags checkpoints with the PostgreSQL store, refuses a KurrentDB-tagged one, and starts again after a rebuild', async () => {
    const first = await startTestApp();
    databaseUrl = first.databaseUrl;
    ownerUrl = first.ownerDatabaseUrl;
    await first.post('/api/v1/incidents').send(incidentBody()).expect(201);
    await until(
      async () =>
        (
          await first.sql<{ store: string | null }>(
            `select store from projection_checkpoints where projection = 'incident-board'`,
          )
        )[0]?.store === 'postgres',
      20_000,
    );
    const port = Number(new URL(first.baseUrl).port);
    await first.close({ keepDatabase: true });

    // As if EVENT_STORE=kurrentdb had built this read model, and the operator then switched to PostgreSQL.
    await ownerSql(
      `update projection_checkpoints set store = 'kurrentdb', store_identity = 'node1:2113'
        where projection = 'incident-board'`,
    );
    await expect(startTestApp({}, { databaseUrl, port })).rejects.toThrow(
      /incident-board at \d+\/\d+ from kurrentdb \(node1:2113\).*npm run projections:rebuild/s,
    );

    // A rebuild writes the checkpoint at the start, tagged with the configured store: the start goes through.
    await ownerSql(
      `update projection_checkpoints set position_commit = 0, position_prepare = 0, store = 'postgres',
              store_identity = null where projection = 'incident-board'`,
    );
    t = await startTestApp({}, { databaseUrl, port });
    await t.get('/api/v1/incidents').expect(200);
  }, 240_000); // three application starts on a shared, loaded machine

  async function ownerSql(text: string): Promise<void> {
    const client = new Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  }
});
