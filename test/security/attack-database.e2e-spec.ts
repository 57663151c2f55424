import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { startTestApp, type TestApp } from '../support/test-app';
import { startPostgresProcess } from '../support/postgres-process';
import { incidentBody } from '../support/incident-fixtures';

/**
 * Database privileges. The attack: with the application's own database credentials (read from its environment on
 * a compromised API host), switch off the triggers that keep the event log unchangeable — `set
 * session_replication_role = replica` — and rewrite a reported death toll. The application now connects as a role
 * that owns nothing and may only read and append events (through es_append) and write read models; every suite's
 * app runs so (test/setup/global-setup.ts), which shows the API needs no more.
 */
describe('attack: rewriting the event log with the application role', () => {
  let t: TestApp;
  let app: Client;
  let incidentId: string;
  let eventsBefore: unknown[];
  const events = async () =>
    (await t.sql<{ row: unknown }>(`select to_jsonb(e) as row from es_events e order by global_position`)).map(
      (r) => r.row,
    );

  beforeAll(async () => {
    t = await startTestApp();
    // The application works with its role: it appends (a report and a follow-up) and writes its read models.
    incidentId = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ casualties: { deaths: 3, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 } }))
        .expect(201)
    ).body.id;
    await t
      .post(`/api/v1/incidents/${incidentId}/updates`)
      .set('If-Match', '0')
      .send({ casualties: { deaths: 4 }, measures: '续报' })
      .expect(200);
    eventsBefore = await events();
    app = new Client({ connectionString: t.databaseUrl });
    await app.connect();
  });
  afterAll(async () => {
    await app?.end();
    await t?.close();
  });

  it('the application connects as a role that is neither superuser nor owner of the event log', async () => {
    const [me] = (
      await app.query<{ role: string; superuser: boolean; owner: string }>(
        `select current_user as role, (select rolsuper from pg_roles where rolname = current_user) as superuser,
              (select pg_get_userbyid(relowner) from pg_class where oid = 'es_events'::regclass) as owner`,
      )
    ).rows;
    expect(me!.superuser).toBe(false);
    expect(me!.owner).not.toBe(me!.role);
    const stored = await t.get(`/api/v1/incidents/${incidentId}`).expect(200);
    expect(stored.body).toMatchObject({ id: incidentId, revision: 1 });
  });

  it('cannot switch off the triggers: session_replication_role, ALTER TABLE … DISABLE TRIGGER, DROP TRIGGER are refused', async () => {
    await expect(app.query(`set session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`alter table es_events disable trigger all`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`alter table es_events disable trigger es_events_no_update_or_delete`)).rejects.toThrow(
      /must be owner/,
    );
    await expect(app.query(`drop trigger es_events_no_update_or_delete on es_events`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`alter table es_events owner to current_user`)).rejects.toThrow(/must be owner/);
    await expect(
      app.query(
        `create or replace function es_events_are_immutable() returns trigger language plpgsql as $$ begin return new; end $$`,
      ),
    ).rejects.toThrow(/must be owner|permission denied/);
  });

  it('cannot rewrite, remove or forge events: UPDATE, DELETE, TRUNCATE and direct INSERT on es_events fail', async () => {
    await expect(
      app.query(`update es_events set data = jsonb_set(data, '{casualties,deaths}', '0') where stream_name = $1`, [
        `incident-${incidentId}`,
      ]),
    ).rejects.toThrow(/permission denied/);
    await expect(app.query(`delete from es_events where stream_name = $1`, [`incident-${incidentId}`])).rejects.toThrow(
      /permission denied/,
    );
    await expect(app.query(`truncate es_events cascade`)).rejects.toThrow(/permission denied/);
    await expect(
      app.query(
        `insert into es_events (stream_name, category, stream_revision, event_id, event_type, data, metadata) values ($1, 'incident', 99, $2, 'CasualtiesRevised', '{}', '{}')`,
        [`incident-${incidentId}`, randomUUID()],
      ),
    ).rejects.toThrow(/permission denied/);
    // Nor hide a stream by marking it deleted, nor touch the migrations' record.
    await expect(
      app.query(`update es_streams set deleted = true, truncate_before = current_revision + 1 where stream_name = $1`, [
        `incident-${incidentId}`,
      ]),
    ).rejects.toThrow(/permission denied/);
    await expect(app.query(`delete from migrations`)).rejects.toThrow(/permission denied/);
    // And it cannot create objects of its own (a shadowing table or function) in the schema.
    await expect(app.query(`create table es_events_copy (id int)`)).rejects.toThrow(/permission denied/);
    // The whole attempt in one go, as the attacker would: still refused, and nothing stored changed.
    await expect(
      app.query(`begin; set local session_replication_role = replica; update es_events set data = '{}'; commit;`),
    ).rejects.toThrow(/permission denied/);
    await app.query('rollback').catch(() => undefined);
    expect(await events()).toEqual(eventsBefore);
  });

  it('cannot erase its tracks in the security event log: it may add rows, never change or remove them (not even old ones)', async () => {
    const [old] = (
      await app.query<{ id: string }>(
        `insert into security_events (at, kind) values (now() - interval '200 days', 'sign_in_failed') returning id::text`,
      )
    ).rows;
    await expect(app.query(`update security_events set kind = 'sign_in' where id = $1`, [old!.id])).rejects.toThrow(
      /permission denied/,
    );
    await expect(app.query(`delete from security_events where id = $1`, [old!.id])).rejects.toThrow(
      /permission denied/,
    );
    await expect(app.query(`truncate security_events`)).rejects.toThrow(/permission denied/);
    expect((await app.query(`select 1 from security_events where id = $1`, [old!.id])).rows).toHaveLength(1);
  });

  it('can still do its work: append through es_append, read events, write read models and user rows', async () => {
    const stream = `attack-${randomUUID()}`;
    const appended = await app.query<{ outcome: string }>(
      `select outcome from es_append($1, 'attack', 'no_stream', null, array[$2]::uuid[], array['Probe']::text[], array['{}']::jsonb[], array['{}']::jsonb[])`,
      [stream, randomUUID()],
    );
    expect(appended.rows[0]!.outcome).toBe('ok');
    expect(
      (await app.query(`select count(*)::int as n from es_events where stream_name = $1`, [stream])).rows[0],
    ).toEqual({ n: 1 });
    // Read models may be rebuilt (TRUNCATE) and written.
    await app.query('begin');
    await app.query('truncate incident_timeline');
    await app.query('rollback');
    await app.query(`update users set display_name = display_name where id = $1`, [t.commander.id]);
    // A new user signs in through the API (users table, login failures, tokens) — the app's own path.
    const viewer = await t.user(['viewer']);
    expect((await t.get('/api/v1/incidents', viewer.token)).status).toBe(200);
  });
});

/**
 * The embedded cluster (npm start, npm test) no longer shares one superuser password across every installation: each
 * data directory gets random passwords in `.data/<name>-credentials.json` (mode 0600), and a cluster created with
 * the former shared password is moved to its own at its next start.
 */
describe('attack: the embedded PostgreSQL password every installation shared', () => {
  jest.setTimeout(120_000);
  const LEGACY = 'embedded-local-only';
  const names = [`pg-sec-${randomUUID().slice(0, 8)}`, `pg-sec-${randomUUID().slice(0, 8)}`];
  const dataRoot = resolve(__dirname, '../../.data');
  const credentials = (name: string) => join(dataRoot, `${name}-credentials.json`);
  const passwordOf = (name: string) =>
    JSON.parse(readFileSync(credentials(name), 'utf8')) as { superuserPassword: string; appPassword: string };
  const canConnect = async (url: string) => {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      return true;
    } catch {
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  };

  afterAll(() => {
    for (const name of names) {
      rmSync(join(dataRoot, name), { recursive: true, force: true });
      rmSync(credentials(name), { force: true });
    }
  });

  it('two fresh data directories get different random passwords, kept in files of mode 0600', async () => {
    const first = await startPostgresProcess({ name: names[0]!, database: 'probe' });
    const second = await startPostgresProcess({ name: names[1]!, database: 'probe' });
    try {
      for (const name of names) expect(statSync(credentials(name)).mode & 0o777).toBe(0o600);
      const [a, b] = names.map(passwordOf);
      expect(a!.superuserPassword).not.toBe(b!.superuserPassword);
      expect(a!.appPassword).not.toBe(b!.appPassword);
      expect(a!.superuserPassword.length).toBeGreaterThanOrEqual(24);
      expect(decodeURIComponent(new URL(first.url).password)).toBe(a!.superuserPassword);
      // The former shared password opens neither.
      for (const pg of [first, second]) {
        const legacy = new URL(pg.url);
        legacy.password = LEGACY;
        expect(await canConnect(legacy.toString())).toBe(false);
        expect(await canConnect(pg.appUrl)).toBe(true);
      }
    } finally {
      await first.stop();
      await second.stop();
    }
  });

  it('a cluster that still has the shared password is given its own at the next start, and keeps its data', async () => {
    const name = names[0]!;
    // Put the cluster back into the state an old installation is in: the shared password, no credentials file.
    let pg = await startPostgresProcess({ name, database: 'probe' });
    const admin = new Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query(`create table if not exists kept (v text)`);
    await admin.query(`insert into kept values ('本次数据')`);
    await admin.query(`alter role postgres password '${LEGACY}'`);
    await admin.end();
    await pg.stop();
    rmSync(credentials(name));

    pg = await startPostgresProcess({ name, database: 'probe' });
    try {
      expect(existsSync(credentials(name))).toBe(true);
      expect(statSync(credentials(name)).mode & 0o777).toBe(0o600);
      expect(passwordOf(name).superuserPassword).not.toBe(LEGACY);
      const legacy = new URL(pg.url);
      legacy.password = LEGACY;
      expect(await canConnect(legacy.toString())).toBe(false);
      const client = new Client({ connectionString: pg.url });
      await client.connect();
      expect((await client.query(`select v from kept`)).rows).toEqual([{ v: '本次数据' }]);
      await client.end();
      // A later start reuses the file: the same password, nothing to migrate.
      const again = passwordOf(name).superuserPassword;
      await pg.stop();
      pg = await startPostgresProcess({ name, database: 'probe' });
      expect(passwordOf(name).superuserPassword).toBe(again);
    } finally {
      await pg.stop();
    }
  });

  it("the harness itself runs apps as the embedded cluster's application role", () => {
    const appUrl = process.env.TEST_APP_DATABASE_URL;
    expect(appUrl).toBeDefined();
    expect(new URL(appUrl!).username).not.toBe(new URL(process.env.DATABASE_URL!).username);
    // And nothing of the shared password remains in the harness's own URLs.
    expect(decodeURIComponent(new URL(process.env.DATABASE_URL!).password)).not.toBe(LEGACY);
  });
});
