import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { signInToServer } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';
import { eventually } from '../support/eventually';
import { serverProcessSuite } from '../support/server-suite';

/**
 * Operations (ADR 0008): LOG_FORMAT=json makes every line of the process's output a JSON object (pino); a request's log
 * line carries its correlation id (`reqId`), the same id its events carry in their metadata; no token or password
 * is written.
 */
describe('structured JSON logs', () => {
  jest.setTimeout(60_000);
  const suite = serverProcessSuite('stop');

  it('writes JSON lines whose correlation ids match the events of the request', async () => {
    const server = await suite.start('json-logs', { LOG_FORMAT: 'json', LOG_LEVEL: 'log' });
    const sql = new Client({ connectionString: suite.databaseUrl });
    await sql.connect();
    const user = await signInToServer(sql, server.baseUrl, ['duty_officer']);
    const login = { accessToken: user.token };
    const password = user.password;
    const correlationId = `trace-${randomUUID()}`;
    const { body: incident } = await request(server.baseUrl)
      .post('/api/v1/incidents')
      .set('Authorization', `Bearer ${login.accessToken}`)
      .set('x-correlation-id', correlationId)
      .send(incidentBody())
      .expect(201);

    const lines = await eventually(() => {
      const all = server
        .output()
        .split('\n')
        .filter((l) => l.trim());
      const parsed = all.map((l) => JSON.parse(l) as Record<string, unknown>);
      return parsed.some(
        (l) => l.reqId === correlationId && (l.res as { statusCode?: number } | undefined)?.statusCode === 201,
      )
        ? parsed
        : undefined;
    }, 10_000);
    expect(
      lines.every((l) => typeof l.level === 'number' && typeof l.time === 'string' && typeof l.msg === 'string'),
    ).toBe(true);
    const { rows } = await sql.query<{ correlation_id: string }>(
      `select metadata->>'correlationId' as correlation_id from es_events where stream_name = $1`,
      [`incident-${incident.id}`],
    );
    expect(rows.map((r) => r.correlation_id)).toEqual([correlationId]);
    expect(server.output()).not.toContain(login.accessToken);
    expect(server.output()).not.toContain(password);
    await sql.end();
  });
});
