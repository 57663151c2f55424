import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import { runMigrations } from '../../infra/database/migrations';
import { CLOSE_LIMIT_MS, startTestApp, withinLimit, type TestApp } from '../support/test-app';
import { startPostgresProcess, type PostgresProcess } from '../support/postgres-process';
import { incidentBody } from '../support/incident-fixtures';
import { eventually, until } from '../support/eventually';

interface Ack {
  id: string;
  idempotencyKey: string;
}

/**
 * Database restart (ADR 0008): PostgreSQL stops and starts again under load. The API answers 503 problem+json with Retry-After
 * while it is down, comes back by itself (no restart of the app), loses no acknowledged event, and its projections
 * and console feed resume from their checkpoints. A PostgreSQL of its own, since the suite's shared one cannot stop.
 */
describe('database restart under load', () => {
  jest.setTimeout(120_000);
  const name = 'pg-faults';
  let port: number;
  let pg: PostgresProcess | undefined;
  let url: string;
  let t: TestApp | undefined;

  beforeAll(async () => {
    pg = await startPostgresProcess({ name, database: `faults_${randomUUID().replace(/-/g, '').slice(0, 8)}` });
    url = pg.url;
    port = Number(new URL(url).port);
    await runMigrations(url, { appRole: pg.appRole });
    // The application connects as the cluster's least-privileged role, as it does with `npm start`.
    t = await startTestApp({}, { databaseUrl: pg.appUrl });
  });

  afterAll(async () => {
    // Every step runs, and a failed or stuck close is reported: silenced, it would leave an application running unseen.
    const failures: unknown[] = [];
    await t?.close({ keepDatabase: true }).catch((error: unknown) => failures.push(error));
    if (url) {
      const admin = new Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
      await admin
        .connect()
        .then(() => admin.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`))
        .catch((error: unknown) => failures.push(error));
      await admin.end().catch(() => undefined);
    }
    await withinLimit(pg?.stop() ?? Promise.resolve(), CLOSE_LIMIT_MS, 'stopping the PostgreSQL process').catch(
      (error: unknown) => failures.push(error),
    );
    if (failures.length > 0) throw new AggregateError(failures, 'cleaning up after the database restart failed');
  });

  it('answers 503 with Retry-After while PostgreSQL is down, recovers by itself, and loses no acknowledged event', async () => {
    const app = t!;
    const console1: Socket = await app.socket();
    const changed: string[] = [];
    console1.on('incident.changed', (m: { data: { id: string } }) => changed.push(m.data.id));

    const acks: Ack[] = [];
    const statuses = new Map<number, number>();
    let running = true;
    const load = (async () => {
      while (running) {
        const idempotencyKey = randomUUID();
        const response = await app
          .post('/api/v1/incidents')
          .set('Idempotency-Key', idempotencyKey)
          .send(incidentBody())
          .catch(() => undefined);
        if (response) statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response?.status === 201) acks.push({ id: response.body.id, idempotencyKey });
        await new Promise((r) => setTimeout(r, 30));
      }
    })();

    // The load stops however the steps below end: left running, it would keep jest alive after a failure.
    try {
      await until(() => acks.length >= 5, 20_000);
      await pg!.stop();

      // Down: every kind of request is a 503 problem that says when to try again, never a 500.
      const write = await app.post('/api/v1/incidents').send(incidentBody());
      const read = await app.get('/api/v1/incidents');
      for (const response of [write, read]) {
        expect(response.status).toBe(503);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
        expect(response.body).toMatchObject({ status: 503, code: expect.stringMatching(/_UNAVAILABLE$/) });
      }
      const ackedWhileUp = acks.length;

      pg = await startPostgresProcess({ name, port, database: new URL(url).pathname.slice(1) });
      // Back by itself: the same application answers commands again.
      await until(() => acks.length > ackedWhileUp + 5, 60_000);
    } finally {
      running = false;
      await load;
    }
    expect(statuses.get(500)).toBeUndefined();

    // Every acknowledged report is stored exactly once and reaches the board and the console that stayed connected.
    const sql = new Client({ connectionString: url });
    await sql.connect();
    try {
      const stored = await sql.query<{ stream_name: string; n: number }>(
        `select stream_name, count(*)::int as n from es_events where event_type = 'IncidentReported' and stream_name = any($1::text[]) group by stream_name`,
        [acks.map((a) => `incident-${a.id}`)],
      );
      expect(stored.rows.length).toBe(new Set(acks.map((a) => a.id)).size);
      expect(stored.rows.every((r) => r.n === 1)).toBe(true);
      await until(async () => {
        const { rows } = await sql.query<{ n: number }>(
          `select count(*)::int as n from incident_board where id = any($1::uuid[])`,
          [acks.map((a) => a.id)],
        );
        return rows[0]!.n === new Set(acks.map((a) => a.id)).size;
      }, 30_000);
    } finally {
      await sql.end();
    }
    const last = acks[acks.length - 1]!;
    await eventually(() => changed.includes(last.id), 30_000);
  });
});
