import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import type { Clock, Role } from '../../libs/shared/src';
import { createSignedInUser, type TestUser } from './test-users';
import { validateConfig } from '../../libs/shared/src/nest';
import { createApp } from '../../apps/command-api/src/bootstrap';
import { createTestDatabase, dropDatabase, ownerUrlOf } from './test-database';

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
    ...overrides,
  });
  const app = await createApp({
    ...config,
    DATABASE_URL: database.url,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const ownerDatabaseUrl = ownerUrlOf(database.url);
  const client = new Client({ connectionString: ownerDatabaseUrl });
  // Fault tests stop the database under the application; this helper connection must not crash the test run then.
  client.on('error', () => undefined);
  await client.connect();
  const sockets: Socket[] = [];
  const sql = async <R extends object>(text: string, params: unknown[] = []) =>
    (await client.query(text, params)).rows as R[];
  const user = (roles: Role[], jurisdiction = '640500') => createSignedInUser(app, baseUrl, sql, roles, jurisdiction);
  const commander = await user(['commander']);
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
    close: async (options = {}) => {
      for (const socket of sockets) socket.close();
      await client.end();
      await app.close();
      if (!options.keepDatabase) await database.drop();
    },
  };
}
