import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { signInToServer } from '../support/test-users';
import { createTestDatabase } from '../support/test-database';
import { incidentBody } from '../support/incident-fixtures';
import { eventually } from '../support/eventually';
import { startServerProcess, type ServerProcess } from '../../bench/support/server-process';

/**
 * Operations (ADR 0008): LOG_FORMAT=json makes every line of the process's output a JSON object (pino); a request's log
 * line carries its correlation id (`reqId`), the same id its events carry in their metadata; no token or password
 * is written.
 */
describe('structured JSON logs', () => {
  jest.setTimeout(60_000);
  let database: { url: string; drop(): Promise<void> };
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('writes JSON lines whose correlation ids match the events of the request', async () => {
    server = await startServerProcess({
      name: 'json-logs', databaseUrl: database.url,
      env: { LOG_FORMAT: 'json', LOG_LEVEL: 'log', AUTH_TOKEN_SECRET: randomBytes(32).toString('base64url') },
    });
    const sql = new Client({ connectionString: database.url });
    await sql.connect();
    const user = await signInToServer(sql, server.baseUrl, ['duty_officer']);
    const login = { accessToken: user.token };
    const password = user.password;
    const correlationId = `trace-${randomUUID()}`;
    const { body: incident } = await request(server.baseUrl).post('/api/v1/incidents').set('Authorization', `Bearer ${login.accessToken}`)
      .set('x-correlation-id', correlationId).send(incidentBody()).expect(201);

    const lines = await eventually(() => {
      const all = server!.output().split('\n').filter((l) => l.trim());
      const parsed = all.map((l) => JSON.parse(l) as Record<string, unknown>);
      return parsed.some((l) => l.reqId === correlationId && (l.res as { statusCode?: number } | undefined)?.statusCode === 201) ? parsed : undefined;
    }, 10_000);
    expect(lines.every((l) => typeof l.level === 'number' && typeof l.time === 'string' && typeof l.msg === 'string')).toBe(true);
    const { rows } = await sql.query<{ correlation_id: string }>(`select metadata->>'correlationId' as correlation_id from es_events where stream_name = $1`, [`incident-${incident.id}`]);
    expect(rows.map((r) => r.correlation_id)).toEqual([correlationId]);
    expect(server.output()).not.toContain(login.accessToken);
    expect(server.output()).not.toContain(password);
    await sql.end();
  });
});
