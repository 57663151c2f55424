import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
  type EmbeddedPostgresOptions,
} from './embedded-postgres.launcher';

const HOST = join(__dirname, 'embedded-postgres.host.js');

/**
 * Starts the embedded PostgreSQL for the API in a process of its own, detached from the terminal's process group.
 * Ctrl+C sends SIGINT to every process of the terminal's foreground group: a postgres started as the API's direct child
 * would get it too and shut down at once, terminating the connections of commands the API is still finishing. Detached,
 * only the API's own shutdown stops it, after every pool is closed (`stop()`); if the API dies, the host process sees
 * its IPC channel close and stops the server. Server lines reach `log` (the caller's logger, JSON or text).
 * Run from sources (no compiled host next to this file), the server starts in this process as before.
 */
export async function startDetachedEmbeddedPostgres(
  options: Pick<EmbeddedPostgresOptions, 'name' | 'database' | 'port' | 'log'>,
): Promise<EmbeddedPostgresHandle> {
  const log = options.log ?? (() => undefined);
  if (!existsSync(HOST)) return startEmbeddedPostgres({ ...options, callerStopsOnSignals: true });
  const child = fork(HOST, [JSON.stringify({ name: options.name, database: options.database, port: options.port })], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const relay = (chunk: Buffer): void => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) log(line.trimEnd());
  };
  child.stdout!.on('data', relay);
  child.stderr!.on('data', relay);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let early: (code: number | null) => void = () => undefined;
  const started = await new Promise<{ url: string; appUrl: string; appRole: string }>((resolve, reject) => {
    early = (code) => reject(new Error(`embedded PostgreSQL process exited (${code}) before it started`));
    child.once('exit', early);
    child.on(
      'message',
      (message: { log?: string; url?: string; appUrl?: string; appRole?: string; error?: string }) => {
        if (message.log !== undefined) log(message.log);
        else if (message.error !== undefined) reject(new Error(message.error));
        else if (message.url) resolve({ url: message.url, appUrl: message.appUrl!, appRole: message.appRole! });
      },
    );
  });
  child.off('exit', early);
  return {
    ...started,
    stop: async () => {
      if (child.connected) child.send('stop');
      else if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
