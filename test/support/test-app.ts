import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import type { Clock, Role } from '../../libs/shared/src';
import { createSignedInUser, type TestUser } from './test-users';
import { validateConfig } from '../../libs/shared/src/nest';
import { createApp } from '../../apps/command-api/src/bootstrap';
import { createTestDatabase, dropDatabase, ownerUrlOf } from './test-database';
import { EVENT_STORE, type EventStore } from '../../libs/event-store/src';
import { PROJECTION_RUNNER, type ProjectionRunner } from '../../libs/event-sourcing/src/projections';

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  /** The application's connection: the least-privileged application role (see test/setup/global-setup.ts). */
  databaseUrl: string;
  /** The same database as its owner. */
  ownerDatabaseUrl: string;
  /** Raw SQL against the suite's database as its owner, to check what was (not) stored. */
  sql<R extends object>(text: string, params?: unknown[]): Promise<R[]>;
  /** A commander of the city (640500): sees and may do everything the incident slice offers. */
  commander: TestUser;
  /** A fresh signed-in user with these roles in this jurisdiction. */
  user(roles: Role[], jurisdiction?: string): Promise<TestUser>;
  /** HTTP as a signed-in user (the commander unless a token is given). */
  get(path: string, token?: string): request.Test;
  post(path: string, token?: string): request.Test;
  put(path: string, token?: string): request.Test;
  /** A connected /console socket, signed in as the commander unless a token is given. */
  socket(token?: string): Promise<Socket>;
  /** Stops the application; `keepDatabase` leaves its database for a restarted one (`startTestApp({}, { databaseUrl })`). */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

/** The real application on a real port, with its own database; HTTP via fetch/supertest, live feed via socket.io-client. */
export interface TestAppOptions {
  /** Start on this database (a restart test's second application) instead of a fresh one. */
  databaseUrl?: string;
  /** The application's clock, for tests that measure times (a ManualClock). */
  clock?: Clock;
  /** Listen on this port (a restart test's second application takes the first one's, so a browser can reload). */
  port?: number;
  /** Tracing on, with spans kept here (an InMemorySpanExporter) instead of sent to a collector. */
  traceExporter?: SpanExporter;
}

/** How long a test application may take to start, and to close, before the test fails with a clear error. */
export const START_LIMIT_MS = 30_000;
export const CLOSE_LIMIT_MS = 20_000;
/**
 * After this long, connections a client still holds open (a browser's keep-alive, an unfinished request) are cut, as
 * the end of a real server process would cut them: closing the HTTP server otherwise waits for them without end.
 */
const CONNECTION_GRACE_MS = 3_000;

/** Rejects with `what` when `work` has not settled within `ms`; the timer never outlives the race. */
export async function withinLimit<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

export async function startTestApp(
  overrides: Record<string, string> = {},
  options: TestAppOptions = {},
): Promise<TestApp> {
  const reuse = options.databaseUrl ? { databaseUrl: options.databaseUrl } : undefined;
  // A restart test starts a second application on the first one's database; only the first drops it.
  const database = reuse
    ? { url: reuse.databaseUrl, drop: () => dropDatabase(reuse.databaseUrl) }
    : await createTestDatabase();
  // The API rate limits are exercised by their own tests; suites that send thousands of requests must not trip them.
  const config = validateConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    EVENT_POLL_INTERVAL_MS: '100',
    RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
    RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000000',
    // The alarm watch appends alarm events on its own clock; suites that count events must not see it unless they
    // ask for it (ALARM_TICK_MS) or tick it by hand.
    ALARM_TICK_MS: '3600000',
    // Suites expect 201 with the view; a loaded machine (two suites side by side on two cores) may take longer than
    // the production wait for a read model to catch up. Suites that hold the read models on purpose set it back.
    READ_MODEL_WAIT_MS: '15000',
    // Suites run side by side: each application's embedded MQTT broker takes a free port (TestApp mqtt helpers ask it).
    MQTT_PORT: '0',
    ...overrides,
  });
  // Whatever part of the start succeeded is stopped again when a later part fails or the start takes too long:
  // an application left running keeps its projection runner's timers alive, and jest with them.
  let app: NestFastifyApplication | undefined;
  let client: Client | undefined;
  const undo = async (): Promise<void> => {
    await Promise.allSettled([app ? closeApp(app) : undefined, client ? client.end() : undefined]);
    if (!reuse) await database.drop().catch(() => undefined);
  };
  const start = async (): Promise<TestApp> => {
    app = await createApp({
      ...config,
      DATABASE_URL: database.url,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.traceExporter ? { traceExporter: options.traceExporter } : {}),
    });
    await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const baseUrl = `http://127.0.0.1:${port}`;
    const ownerDatabaseUrl = ownerUrlOf(database.url);
    client = new Client({ connectionString: ownerDatabaseUrl });
    // Fault tests stop the database under the application; this helper connection must not crash the test run then.
    client.on('error', () => undefined);
    await client.connect();
    return assemble(app, client, baseUrl, database, ownerDatabaseUrl);
  };
  const starting = start();
  try {
    return await withinLimit(starting, START_LIMIT_MS, 'starting the test application');
  } catch (error) {
    // A start that is still under way is undone once it settles, so nothing of it outlives the failed test.
    await withinLimit(starting.then(undo, undo), CLOSE_LIMIT_MS, 'undoing a failed start').catch(() => undefined);
    throw error;
  }
}

/**
 * Closes a test application and starts another on its database and port, as a server restart does (a browser on the
 * page reconnects to the same address). Both steps are bounded by the limits above.
 */
export async function restartTestApp(t: TestApp, overrides: Record<string, string> = {}): Promise<TestApp> {
  const port = Number(new URL(t.baseUrl).port);
  await t.close({ keepDatabase: true });
  return startTestApp(overrides, { databaseUrl: t.databaseUrl, port });
}

async function assemble(
  app: NestFastifyApplication,
  client: Client,
  baseUrl: string,
  database: { url: string; drop(): Promise<void> },
  ownerDatabaseUrl: string,
): Promise<TestApp> {
  const sockets: Socket[] = [];
  const sql = async <R extends object>(text: string, params: unknown[] = []) =>
    (await client.query(text, params)).rows as R[];
  const user = (roles: Role[], jurisdiction = '640500') => createSignedInUser(app, baseUrl, sql, roles, jurisdiction);
  const commander = await user(['commander']);
  let closing: Promise<void> | undefined;
  const close = async (options: { keepDatabase?: boolean }): Promise<void> => {
    for (const socket of sockets) socket.close();
    // Every step runs even when an earlier one fails; the failures are reported together afterwards.
    const failures: unknown[] = [];
    await closeApp(app).catch((error: unknown) => failures.push(error));
    await withinLimit(client.end(), CLOSE_LIMIT_MS, 'ending the helper SQL connection').catch((error: unknown) =>
      failures.push(error),
    );
    if (!options.keepDatabase)
      await withinLimit(database.drop(), CLOSE_LIMIT_MS, 'dropping the test database').catch((error: unknown) =>
        failures.push(error),
      );
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new AggregateError(failures, 'closing the test application failed');
  };
  return {
    app,
    baseUrl,
    databaseUrl: database.url,
    ownerDatabaseUrl,
    sql,
    commander,
    user,
    get: (path, token = commander.token) => request(baseUrl).get(path).set('Authorization', `Bearer ${token}`),
    post: (path, token = commander.token) => request(baseUrl).post(path).set('Authorization', `Bearer ${token}`),
    put: (path, token = commander.token) => request(baseUrl).put(path).set('Authorization', `Bearer ${token}`),
    socket: (token = commander.token) =>
      new Promise((resolve, reject) => {
        const socket = io(`${baseUrl}/console`, { transports: ['websocket'], reconnection: false, auth: { token } });
        sockets.push(socket);
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      }),
    // A second close (an afterAll after a failed restart) waits for the first instead of closing twice.
    close: (options = {}) => (closing ??= close(options)),
  };
}

/**
 * Nest's close stops the HTTP server before the projection runner; a connection that never ends would hold it there
 * and leave the runner polling. So open connections are cut after a grace, and when the close still does not finish
 * in time, the runner and the event store are stopped directly before the failure is reported.
 */
async function closeApp(app: NestFastifyApplication): Promise<void> {
  const server = app.getHttpServer();
  const cut = setTimeout(() => server.closeAllConnections(), CONNECTION_GRACE_MS);
  try {
    await withinLimit(app.close(), CLOSE_LIMIT_MS, 'closing the test application');
  } catch (error) {
    server.closeAllConnections();
    const runner = app.get<ProjectionRunner>(PROJECTION_RUNNER);
    const store = app.get<EventStore>(EVENT_STORE);
    await withinLimit(
      runner.stop().finally(() => store.close()),
      CLOSE_LIMIT_MS,
      'stopping the projection runner of an application that did not close',
    ).catch(() => undefined);
    throw error;
  } finally {
    clearTimeout(cut);
  }
}
