import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { io } from 'socket.io-client';
import { signInToServer } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';
import { serverProcessSuite } from '../support/server-suite';

/**
 * Graceful stop (ADR 0008): SIGTERM in the middle of commands. Every command already sent is answered (201, or 503 with
 * Retry-After if it arrived after draining began) — none is cut off — every 201 is in the event store, consoles are
 * told before their connection closes, and the process exits 0 with its pools closed before the database.
 */
describe('graceful shutdown', () => {
  jest.setTimeout(60_000);
  const suite = serverProcessSuite('kill9');

  it('finishes in-flight commands, answers the rest 503, tells consoles, and exits cleanly', async () => {
    const server = await suite.start('graceful');
    const sql = new Client({ connectionString: suite.databaseUrl });
    sql.on('error', () => undefined);
    await sql.connect();
    const login = { accessToken: (await signInToServer(sql, server.baseUrl, ['commander'])).token };
    const socket = io(`${server.baseUrl}/console`, {
      transports: ['websocket'],
      reconnection: false,
      auth: { token: login.accessToken },
    });
    await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('connect_error', reject));
    const told: string[] = [];
    socket.on('server.shutdown', (m: { data: { reason: string } }) => told.push(m.data.reason));
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

    const baseUrl = server.baseUrl;
    const send = () => {
      const key = randomUUID();
      return fetch(`${baseUrl}/api/v1/incidents`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${login.accessToken}`,
          'idempotency-key': key,
        },
        body: JSON.stringify(incidentBody()),
      }).then(
        async (r) => ({
          key,
          status: r.status,
          retryAfter: r.headers.get('retry-after'),
          body: (await r.json()) as { id?: string },
        }),
        // Refused at connect: the server had stopped accepting connections (a load balancer sends it elsewhere).
        () => ({ key, status: 0, retryAfter: null, body: {} as { id?: string } }),
      );
    };
    // Commands keep coming (one every 5 ms, at most 200) so that some are in flight whenever the stop begins; it
    // begins once one command has been answered 201, which a fixed delay could not promise on a loaded machine.
    const inFlight: ReturnType<typeof send>[] = [];
    let firstCreated: () => void = () => undefined;
    const oneCreated = new Promise<void>((resolve) => (firstCreated = resolve));
    const fire = () => {
      if (inFlight.length >= 200) return;
      const answer = send();
      inFlight.push(answer);
      void answer.then((a) => a.status === 201 && firstCreated());
    };
    for (let i = 0; i < 5; i++) fire();
    const pump = setInterval(fire, 5);
    await oneCreated;
    const exit = server.stop();
    await exit;
    clearInterval(pump);
    const answers = await Promise.all(inFlight);

    // Whatever reached the server was answered: 201 when it ran, 503 with Retry-After when it came after draining
    // began. No command is stored without its answer reaching the caller, and every 201 is stored.
    expect(
      answers.every((a) => a.status === 0 || a.status === 201 || (a.status === 503 && Number(a.retryAfter) > 0)),
    ).toBe(true);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThan(0);
    const { rows } = await sql.query<{ key: string }>(
      `select distinct metadata->>'idempotencyKey' as key from es_events where metadata->>'idempotencyKey' = any($1::text[])`,
      [answers.map((a) => a.key)],
    );
    const stored = new Set(rows.map((r) => r.key));
    expect(created.filter((a) => !stored.has(a.key))).toEqual([]);
    expect(answers.filter((a) => a.status !== 201 && stored.has(a.key))).toEqual([]);
    expect(server.exitCode()).toBe(0);
    expect(told).toEqual(['restarting']);
    expect(await disconnected).toBe('transport close');
    expect(server.output()).not.toMatch(/unexpected error|terminating connection/);
    await sql.end();
    socket.close();
  });
});
