import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../infra/embedded/embedded-postgres.launcher';
import { startServerProcess } from '../../bench/support/server-process';
import { createEmptyDatabase } from '../support/empty-database';
import { createTestDatabase } from '../support/test-database';

const MAIN = join(__dirname, '../../dist/apps/command-api/src/main.js');

/** The lines of a process's output that are not JSON objects (none, with LOG_FORMAT=json). */
function nonJsonLines(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .filter((line) => {
      try {
        const parsed: unknown = JSON.parse(line);
        return typeof parsed !== 'object' || parsed === null;
      } catch {
        return true;
      }
    });
}

const messages = (output: string): Array<{ level: number; msg: string; context?: string }> =>
  output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { level: number; msg: string; context?: string });

/**
 * The built process's start as an operator sees it (docs/operations.md): with LOG_FORMAT=json every line is JSON from
 * the first one, a failed start included; the administrator's password file belongs to one database; Ctrl+C in a
 * terminal stops the embedded PostgreSQL only after the API closed its connections.
 */
describe('starting the built API process', () => {
  jest.setTimeout(240_000);

  it('with LOG_FORMAT=json, every line is JSON from the first, through migrations and warnings', async () => {
    const database = await createEmptyDatabase();
    const server = await startServerProcess({
      name: 'json-start',
      databaseUrl: database.url,
      env: {
        AUTH_TOKEN_SECRET: randomBytes(32).toString('base64url'),
        DATABASE_OWNER_URL: database.ownerUrl,
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'log',
      },
      timeoutMs: 150_000,
    });
    try {
      expect((await fetch(`${server.baseUrl}/health/ready`)).status).toBe(200);
    } finally {
      await server.stop();
      await database.drop();
    }
    const output = server.output();
    expect(nonJsonLines(output)).toEqual([]);
    const lines = messages(output);
    // The lines main.ts writes before the application exists: the migrations it applied, on a fresh database.
    expect(lines.some((l) => l.context === 'Main' && /^migrations applied: /.test(l.msg))).toBe(true);
    expect(lines.some((l) => /is running/.test(l.msg))).toBe(true);
  });

  it('a start that fails on its configuration says so in JSON', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'command-api-bad-config-'));
    const child = spawn(process.execPath, [MAIN], {
      cwd,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: 'not-a-port' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
    rmSync(cwd, { recursive: true, force: true });
    expect(code).toBe(1);
    // JSON is the default in production: no LOG_FORMAT was given.
    expect(nonJsonLines(output)).toEqual([]);
    const fatal = messages(output).filter((l) => l.level === 60);
    expect(fatal).toEqual([expect.objectContaining({ msg: expect.stringMatching(/^failed to start: .*PORT/s) })]);
  });

  it('keeps the administrator password of each database in a file of its own', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'command-api-two-databases-'));
    const first = await createTestDatabase();
    const second = await createTestDatabase();
    const env = { AUTH_TOKEN_SECRET: randomBytes(32).toString('base64url') };
    try {
      const signIn = async (baseUrl: string, password: string) =>
        (
          await fetch(`${baseUrl}/api/v1/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'admin', password }),
          })
        ).status;
      const files = () => readdirSync(join(cwd, '.data')).filter((f) => f.startsWith('admin-password'));

      const a = await startServerProcess({ name: 'admin-a', databaseUrl: first.url, env, cwd });
      expect(files()).toHaveLength(1);
      const fileA = join(cwd, '.data', files()[0]!);
      const passwordA = readFileSync(fileA, 'utf8').trim();
      expect(fileA).toContain(new URL(first.url).pathname.slice(1));
      await a.stop();

      // Another database, the same directory: its administrator's password goes to another file.
      const b = await startServerProcess({ name: 'admin-b', databaseUrl: second.url, env, cwd });
      expect(files()).toHaveLength(2);
      expect(readFileSync(fileA, 'utf8').trim()).toBe(passwordA);
      const fileB = join(
        cwd,
        '.data',
        files().find((f) => f !== fileA.split('/').pop())!,
      );
      const passwordB = readFileSync(fileB, 'utf8').trim();
      expect(passwordB).not.toBe(passwordA);
      expect(await signIn(b.baseUrl, passwordB)).toBe(200);
      expect(await signIn(b.baseUrl, passwordA)).toBe(401);
      await b.stop();

      // The first database again: its administrator exists, its file is left as it was, and its password still works.
      const again = await startServerProcess({ name: 'admin-a-again', databaseUrl: first.url, env, cwd });
      expect(readFileSync(fileA, 'utf8').trim()).toBe(passwordA);
      expect(await signIn(again.baseUrl, passwordA)).toBe(200);
      await again.stop();
    } finally {
      await first.drop();
      await second.drop();
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('Ctrl+C (SIGINT to the whole process group) stops the embedded PostgreSQL only after the API, and exits 0', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'command-api-ctrl-c-'));
    const port = await freePort();
    // A process group of its own, as a terminal gives the command it runs; no DATABASE_URL: the embedded server.
    const child = spawn(process.execPath, [MAIN], {
      cwd,
      detached: true,
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        DEMO_DATA: 'false',
        MQTT_PORT: '0',
        LOG_FORMAT: 'json',
        AUTH_TOKEN_SECRET: randomBytes(32).toString('base64url'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const closed = new Promise<number | null>((resolve) => child.once('close', (c) => resolve(c)));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start within 200 s:\n${output}`)), 200_000);
        child.stdout.on('data', () => output.includes('is running') && (clearTimeout(timer), resolve()));
        void closed.then(() => (clearTimeout(timer), reject(new Error(`exited before it started:\n${output}`))));
      });
      const pidFile = join(cwd, '.data/pg/postmaster.pid');
      const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      // The server is outside the API's process group, so the terminal's signal cannot reach it.
      const group = Number(readFileSync(`/proc/${postmaster}/stat`, 'utf8').split(') ')[1]!.split(' ')[2]);
      expect(group).not.toBe(child.pid);

      process.kill(-child.pid!, 'SIGINT');
      expect(await closed).toBe(0);
      expect(output).not.toMatch(/terminating connection|failed to start/);
      // Projections stopped before the data source closed, not cut off by it mid-batch.
      expect(output).not.toMatch(/Cannot use a pool after calling end/);
      expect(nonJsonLines(output)).toEqual([]);
      // Stopped cleanly by the API's shutdown: the server removed its pid file.
      expect(existsSync(pidFile)).toBe(false);
    } finally {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
