import { randomBytes } from 'node:crypto';
import { startServerProcess, type ServerProcess } from '../../bench/support/server-process';
import { createTestDatabase } from './test-database';

export interface ServerSuite {
  /** The suite's own database (valid once the suite's tests run). */
  readonly databaseUrl: string;
  /** The built server as a child process on that database, with a fresh token secret; ended with the suite. */
  start(name: string, env?: Record<string, string>): Promise<ServerProcess>;
}

/**
 * A `describe` block that runs the built server as an OS process on a database of its own. After the last test the
 * server is ended (`stop` lets it shut down, `kill9` does not wait for that), then the database dropped.
 */
export function serverProcessSuite(end: 'stop' | 'kill9'): ServerSuite {
  let database: { url: string; drop(): Promise<void> } | undefined;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await (end === 'stop' ? server?.stop() : server?.kill9());
    await database?.drop();
  });
  const url = (): string => {
    if (!database) throw new Error('the suite database exists only while the suite runs');
    return database.url;
  };
  return {
    get databaseUrl() {
      return url();
    },
    async start(name, env = {}) {
      server = await startServerProcess({
        name,
        databaseUrl: url(),
        env: { AUTH_TOKEN_SECRET: randomBytes(32).toString('base64url'), ...env },
      });
      return server;
    },
  };
}
