import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../../infra/embedded/embedded-postgres.launcher';

/** The repository root, from the sources (tests) or from dist/ (benches). */
const ROOT = ((): string => {
  for (let dir = __dirname; dir !== resolve(dir, '..'); dir = resolve(dir, '..')) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'apps/command-api'))) return dir;
  }
  throw new Error(`no repository root above ${__dirname}`);
})();
const MAIN = join(ROOT, 'dist/apps/command-api/src/main.js');

/**
 * The built application (`npm run build`, which `npm test` runs first) in an OS process of its own, for what an
 * in-process app cannot show: SIGKILL, several API processes on one database. Used by tests and benches.
 */
export interface ServerProcess {
  name: string;
  baseUrl: string;
  pid: number;
  /** Everything the process wrote, for failure messages. */
  output(): string;
  /** The exit code once the process has exited (null while it runs or when a signal ended it). */
  exitCode(): number | null;
  /** Resident memory now (Linux /proc), or NaN. */
  rssBytes(): number;
  /** SIGKILL: no shutdown hook runs, open transactions and connections die with the process. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  name: string;
  databaseUrl: string;
  env?: Record<string, string>;
  /** How long to wait for the start-up banner. */
  timeoutMs?: number;
  /** The working directory (its `.data/` holds the administrator's password file); else a new temporary one. */
  cwd?: string;
  /** Listen on this port (a restarted process takes its predecessor's, so clients keep their address); else a free one. */
  port?: number;
}

export function builtServerAvailable(): boolean {
  return existsSync(MAIN);
}

/** Starts `node dist/apps/command-api/src/main.js` on a free port and resolves once it printed that it runs. */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  if (!builtServerAvailable()) throw new Error(`${MAIN} is missing: run \`npm run build\` first (npm test does)`);
  const port = options.port ?? (await freePort());
  // A working directory of its own: the process keeps its administrator password file under .data/ there.
  const cwd = options.cwd ?? mkdtempSync(join(tmpdir(), `command-api-${options.name}-`));
  const child = spawn(process.execPath, [MAIN], {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      DEMO_DATA: 'false',
      CONSOLE_DIR: join(ROOT, 'apps/console/dist'),
      EVENT_POLL_INTERVAL_MS: '100',
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '1000000',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '1000000',
      // Several processes side by side: each embedded MQTT broker on a free port.
      MQTT_PORT: '0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  await waitForBanner(child, () => output, options.timeoutMs ?? 60_000, options.name);
  return {
    name: options.name,
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => output,
    rssBytes: () => rssOf(child.pid!),
    exitCode: () => child.exitCode,
    kill9: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function waitForBanner(child: ChildProcess, output: () => string, timeoutMs: number, name: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(
      () => finish(new Error(`${name} did not start within ${timeoutMs} ms:\n${output()}`)),
      timeoutMs,
    );
    const onData = () => {
      if (output().includes('is running')) finish();
    };
    const onExit = (code: number | null) =>
      finish(new Error(`${name} exited (${code}) before it started:\n${output()}`));
    const finish = (error?: Error) => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolvePromise();
    };
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}

function rssOf(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}
