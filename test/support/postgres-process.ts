import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const LAUNCHER = resolve(__dirname, '../../dist/infra/embedded/embedded-postgres.launcher.js');

/** A PostgreSQL that a test may stop and start again (the suite's shared one must stay up). */
export interface PostgresProcess {
  /** As the superuser (migrations, creating and dropping databases). */
  url: string;
  /** As the application role of that cluster. */
  appUrl: string;
  appRole: string;
  /** Stops the server (fast shutdown: open connections are terminated, as when a database host restarts). */
  stop(): Promise<void>;
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
    cwd: join(__dirname, '../..'),
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
      resolvePromise({
        url: message.url,
        appUrl: message.appUrl!,
        appRole: message.appRole!,
        stop: async () => {
          if (child.connected) child.send('stop');
          await exited;
        },
      });
    });
  });
}
