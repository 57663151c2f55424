import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';
import { incidentBody } from '../support/incident-fixtures';
import { until } from '../support/eventually';

const CLI = join(__dirname, '../../dist/apps/command-api/src/cli/backup.js');
// A restore writes the event log, which only the owner may: DATABASE_OWNER_URL beside the application's DATABASE_URL.
const run = (args: string[], databaseUrl: string, ownerUrl?: string) =>
  promisify(execFile)(process.execPath, [CLI, ...args], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ...(ownerUrl ? { DATABASE_OWNER_URL: ownerUrl } : {}),
      NODE_ENV: 'test',
    },
    cwd: join(__dirname, '../..'),
  });

/** Rows of a table as JSON, without what a restore legitimately changes (global positions) or bookkeeping. */
async function rows(url: string, table: string, order: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(
      `select to_jsonb(t) - 'position' - 'updated_at' - 'transaction_id' - 'global_position' as row from ${table} t order by ${order}`,
    );
    return result.rows.map((r: { row: unknown }) => r.row);
  } finally {
    await client.end();
  }
}

/** Operations (ADR 0008): `npm run backup` / `npm run restore` into an empty database gives the same state. */
describe('backup and restore', () => {
  jest.setTimeout(120_000);
  let source: TestApp;
  let restored: TestApp | undefined;
  let target: { url: string; ownerUrl: string; drop(): Promise<void> };

  beforeAll(async () => {
    source = await startTestApp();
    target = await createTestDatabase();
  });
  afterAll(async () => {
    await restored?.close({ keepDatabase: true });
    await source?.close();
    await target?.drop();
  });

  it('restores events, users and jurisdictions into an empty database and rebuilds the same read models', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { body } = await source.post('/api/v1/incidents').send(incidentBody()).expect(201);
      await source
        .post(`/api/v1/incidents/${body.id}/updates`)
        .send({ measures: `第 ${i + 1} 次续报`, casualties: { deaths: i, missing: 0, seriousInjuries: 1 } })
        .expect(200);
      ids.push(body.id);
    }
    await until(
      async () => (await rows(source.databaseUrl, 'incident_timeline', 'incident_id, line')).length >= 6,
      10_000,
    );
    const file = join(mkdtempSync(join(tmpdir(), 'backup-')), 'command.backup.gz');
    const backup = await run(['backup', file], source.databaseUrl);
    expect(backup.stdout).toMatch(/backup written to .*es_events \d+/);

    // A database with nothing in it refuses nothing; one with events would be refused.
    const restore = await run(['restore', file], target.url, target.ownerUrl);
    expect(restore.stdout).toMatch(/restored from .*es_events \d+/);
    expect(restore.stdout).toMatch(/incident-board: rebuilt from \d+ events/);
    await expect(run(['restore', file], target.url, target.ownerUrl)).rejects.toThrow(/already holds events or users/);

    for (const [table, order] of [
      ['es_streams', 'stream_name'],
      ['es_events', 'stream_name, stream_revision'],
      ['users', 'id'],
      ['jurisdictions', 'code'],
      ['incident_board', 'id'],
      ['incident_timeline', 'incident_id, line'],
      ['deadline_compliance', 'incident_id, obligation_id'],
    ] as const) {
      expect({ table, rows: await rows(target.url, table, order) }).toEqual({
        table,
        rows: await rows(source.databaseUrl, table, order),
      });
    }

    // The restored system runs: the same user signs in with the same password and sees the same incidents.
    restored = await startTestApp({}, { databaseUrl: target.url });
    const login = await request(restored.baseUrl)
      .post('/api/v1/auth/login')
      .send({ username: source.commander.username, password: source.commander.password })
      .expect(200);
    for (const id of ids) {
      const before = (await source.get(`/api/v1/incidents/${id}`).expect(200)).body;
      const after = (await restored.get(`/api/v1/incidents/${id}`, login.body.accessToken).expect(200)).body;
      expect({ ...after, position: undefined }).toEqual({ ...before, position: undefined });
    }
    // And it goes on: a follow-up on a restored incident is appended after the restored events.
    await restored
      .post(`/api/v1/incidents/${ids[0]}/updates`, login.body.accessToken)
      .send({ measures: '恢复后续报' })
      .expect(200);
  });
});
