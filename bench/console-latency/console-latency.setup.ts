import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { validateConfig } from '@app/shared/nest';
import { createApp } from '../../apps/command-api/src/bootstrap';
import { benchDatabase } from '../support/bench-database';
import { startRoundRobinProxy } from '../support/round-robin-proxy';
import { startServerProcess, type ServerProcess } from '../support/server-process';

// The console-latency bench's scaffolding: its database, the system under test, HTTP and child-process helpers.

/** The bench's own database (see benchDatabase), dropped at the end. */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const database = await benchDatabase('bench_latency');
  return { url: database.url, drop: () => database.stop() };
}

export async function post(
  baseUrl: string,
  path: string,
  token: string | undefined,
  body: unknown,
  expected = [200, 201],
): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const payload = (await response.json()) as Record<string, unknown>;
  if (!expected.includes(response.status))
    throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(payload)}`);
  return payload;
}

/** Runs `task` for 0..count-1, `width` at a time. */
export async function inParallel<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

/** Resolves with the first message of `type` the child sends; rejects if it fails or exits first. */
export function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string; error?: string; text?: string }) => {
      if (message.type === 'warning') return console.warn(`  ! ${message.text}`);
      if (message.type === 'failed') return done(reject, new Error(message.error));
      if (message.type === type) done(resolve, message as T);
    };
    const onExit = (code: number | null) => done(reject, new Error(`child exited (${code}) before '${type}'`));
    const done = <A>(settle: (a: A) => void, value: A) => {
      child.off('message', onMessage);
      child.off('exit', onExit);
      settle(value);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

export interface SystemUnderTest {
  baseUrl: string;
  /** Resident memory of the API process(es), summed. */
  rssBytes(): number;
  heapUsedBytes(): number;
  stop(): Promise<void>;
}

/** PROCESSES=1: the app in this process (its event loop is measured). More: built API processes behind a round-robin proxy. */
export async function startSystem(databaseUrl: string, processes: number): Promise<SystemUnderTest> {
  if (processes <= 1) {
    const config = validateConfig({
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000000',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000000',
    });
    const app = await createApp({ ...config, DATABASE_URL: databaseUrl });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    return {
      baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
      rssBytes: () => process.memoryUsage().rss,
      heapUsedBytes: () => process.memoryUsage().heapUsed,
      stop: () => app.close(),
    };
  }
  // Scale-out (ADR 0008): CLUSTER=true processes on one database, one secret, a layer-4 split in front.
  const env = {
    CLUSTER: 'true',
    AUTH_TOKEN_SECRET: randomBytes(32).toString('base64url'),
    RATE_LIMIT_PER_MINUTE: '100000000',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000000',
    RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000000',
    ...(process.env.LIVE_FLUSH_MS ? { LIVE_FLUSH_MS: process.env.LIVE_FLUSH_MS } : {}),
  };
  const servers: ServerProcess[] = [];
  for (let i = 0; i < processes; i++)
    servers.push(await startServerProcess({ name: `api-${i + 1}`, databaseUrl, env }));
  const proxy = await startRoundRobinProxy(servers.map((s) => Number(new URL(s.baseUrl).port)));
  return {
    baseUrl: proxy.url,
    rssBytes: () => servers.reduce((sum, s) => sum + s.rssBytes(), 0),
    heapUsedBytes: () => Number.NaN,
    stop: async () => {
      await proxy.close();
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}
