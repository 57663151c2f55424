import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { incidentBody } from '../support/incident-fixtures';
import { registerTeam } from '../support/resource-fixtures';
import { givenSignedIn } from '../support/signed-in';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';
import type { TestUser } from '../support/test-users';
import { until } from '../support/eventually';

const CLI = join(__dirname, '../../dist/apps/command-api/src/cli/backup.js');
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

async function query<T>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const eventsOf = (url: string, stream: string) =>
  query<{ event_type: string; data: unknown }>(
    url,
    `select event_type, data from es_events where stream_name = $1 order by stream_revision`,
    [stream],
  );
const total = async (url: string) =>
  (await query<{ n: number }>(url, `select count(*)::int as n from es_events`))[0]!.n;
/** The types the dispatch process follows (its filter). */
const DISPATCH_TYPES = [
  'TeamRegistered',
  'TeamProfileUpdated',
  'TeamDispatched',
  'TeamStatusReported',
  'IncidentClosed',
  'StockAllocated',
  'AllocationStatusChanged',
];
/** Events of its types after the dispatch process's checkpoint: none once it has handled everything. */
const behind = async (url: string) =>
  (
    await query<{ n: number }>(
      url,
      `select count(*)::int as n from es_events e, projection_checkpoints c
        where c.projection = 'dispatch-process' and e.event_type = any($1)
          and (e.transaction_id::text::numeric, e.global_position) > (c.position_commit, c.position_prepare)`,
      [DISPATCH_TYPES],
    )
  )[0]!.n;
const facts = (url: string) =>
  query(
    url,
    `select 'team' as kind, team_id as id, name as detail from process_dispatch_teams
     union all select 'closed', incident_id, '' from process_dispatch_closed_incidents
     union all select 'open', allocation_id::text, incident_id::text from process_open_allocations
     order by 1, 2`,
  );

/**
 * A restore must not make the process managers act again on what they had handled (docs/adr/0024-cold-start.md). The
 * history here is the dangerous one: a closed incident sent its team back, and the team has since been dispatched to
 * another incident. Deciding that old close again today would send the team back from its new incident.
 */
describe('restore and the process managers', () => {
  jest.setTimeout(180_000);
  let source: TestApp;
  let admin: TestUser;
  let restored: TestApp | undefined;
  const targets: { url: string; ownerUrl: string; drop(): Promise<void> }[] = [];
  let teamId: string;
  let file: string;

  beforeAll(async () => {
    ({ t: source, user: admin } = await givenSignedIn(['admin']));
    teamId = await registerTeam(source, admin.token);
    const first = (await source.post('/api/v1/incidents').send(incidentBody()).expect(201)).body.id as string;
    await source.post(`/api/v1/teams/${teamId}/dispatch`).send({ incidentId: first, task: '堵漏' }).expect(201);
    await source.post(`/api/v1/teams/${teamId}/status`).send({ status: 'en_route' }).expect(200);
    await source.post(`/api/v1/incidents/${first}/close`).send({ summary: '险情排除，结案' }).expect(200);
    // The close sent the team back (the dispatch process), then it reported in and went to another incident.
    await until(
      async () => (await eventsOf(source.databaseUrl, `team-${teamId}`)).at(-1)?.event_type === 'TeamStatusReported',
      30_000,
    );
    await until(
      async () =>
        ((await eventsOf(source.databaseUrl, `team-${teamId}`)).at(-1)?.data as { status?: string }).status ===
        'returning',
      30_000,
    );
    await source.post(`/api/v1/teams/${teamId}/status`).send({ status: 'available' }).expect(200);
    const second = (await source.post('/api/v1/incidents').send(incidentBody()).expect(201)).body.id as string;
    await source.post(`/api/v1/teams/${teamId}/dispatch`).send({ incidentId: second, task: '警戒' }).expect(201);
    await until(async () => (await behind(source.databaseUrl)) === 0, 30_000);
    file = join(mkdtempSync(join(tmpdir(), 'backup-')), 'command.backup.gz');
    await run(['backup', file], source.databaseUrl);
  });
  afterAll(async () => {
    await restored?.close({ keepDatabase: true });
    await source?.close();
    for (const target of targets) await target.drop();
  });

  it('seats them where they had got: their tables rebuilt, no command issued again, before or after the start', async () => {
    const target = await createTestDatabase();
    targets.push(target);
    const restore = await run(['restore', file], target.url, target.ownerUrl);
    expect(restore.stdout).toMatch(/dispatch-process: rebuilt from \d+ events/);
    expect(restore.stdout).toMatch(/drill-teams-process: rebuilt from \d+ events/);
    expect(await total(target.url)).toBe(await total(source.databaseUrl));
    expect(await facts(target.url)).toEqual(await facts(source.databaseUrl));
    expect(await behind(target.url)).toBe(0);

    restored = await startTestApp({}, { databaseUrl: target.url });
    // Give its process managers the chance to act (a new event of theirs goes through them), then compare.
    await registerTeam(restored, (await restored.user(['admin'])).token);
    await until(async () => (await behind(target.url)) === 0, 30_000);
    expect(await eventsOf(target.url, `team-${teamId}`)).toEqual(await eventsOf(source.databaseUrl, `team-${teamId}`));
    expect((await eventsOf(target.url, `team-${teamId}`)).at(-1)?.event_type).toBe('TeamDispatched');
  });

  it('a backup that carried no checkpoints (an older one) seats them at its end', async () => {
    const older = join(mkdtempSync(join(tmpdir(), 'backup-')), 'older.backup.gz');
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    writeFileSync(older, gzipSync(lines.filter((line) => !line.includes('"table":"checkpoint_events"')).join('\n')));
    const target = await createTestDatabase();
    targets.push(target);
    await run(['restore', older], target.url, target.ownerUrl);
    expect(await total(target.url)).toBe(await total(source.databaseUrl));
    expect(await facts(target.url)).toEqual(await facts(source.databaseUrl));
    expect(await behind(target.url)).toBe(0);
    expect(await eventsOf(target.url, `team-${teamId}`)).toEqual(await eventsOf(source.databaseUrl, `team-${teamId}`));
  });
});
