import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { hash } from '@node-rs/argon2';
import { benchDatabase, percentile } from '../support/bench-database';
import { startServerProcess } from '../support/server-process';
import { incidentBody } from '../console-latency/console-latency.client';

/**
 * The soak (docs/performance.md). The built API in a process of its own (so its memory is its own), CONSOLES live consoles
 * and RATE mixed commands/s (reports and follow-ups) for MINUTES (default 10); every minute it prints the API
 * process's resident memory, the commands' latency in that minute and the deliveries. Flat memory over the run is
 * the pass mark; figures only (`npm run bench:soak`; MINUTES=2 for a quick look). At the end, p99 per five minutes and
 * the ratio of the last five minutes' p99 to the first five's: flat as history grows means a ratio ≤ 1.2 (the two
 * overlap when MINUTES < 10, and the output says so).
 */
const MINUTES = Number(process.env.MINUTES ?? 10);
const RATE = Number(process.env.RATE ?? 20);
const CONSOLES = Number(process.env.CONSOLES ?? 50);

/**
 * SERVER_ENV=NAME=value,NAME=value: more settings for the API process, to find what grows (e.g. the watches' ticks
 * set to a day: `SERVER_ENV=DEADLINE_TICK_MS=86400000,ALARM_TICK_MS=86400000`).
 */
function serverEnv(): Record<string, string> {
  const pairs = (process.env.SERVER_ENV ?? '').split(',').filter((p) => p.includes('='));
  return Object.fromEntries(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
}

async function main(): Promise<void> {
  const database = await benchDatabase('bench_soak');
  const url = new URL(database.url);
  const server = await startServerProcess({
    name: 'soak',
    databaseUrl: url.toString(),
    env: {
      AUTH_TOKEN_SECRET: randomBytes(32).toString('base64url'),
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '100000000',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '100000000',
      ...serverEnv(),
    },
  });
  const sql = new Client({ connectionString: url.toString() });
  await sql.connect();
  const sockets: Socket[] = [];
  try {
    const username = `soak${randomUUID().slice(0, 8)}`;
    const password = `pw-${randomUUID()}`;
    await sql.query(
      `insert into users (id, username, display_name, password_hash, roles, jurisdiction, created_by) values ($1, $2, $3, $4, $5, '640500', 'bench')`,
      [randomUUID(), username, `压测指挥员 ${username}`, await hash(password), ['commander']],
    );
    const login = (await (
      await fetch(`${server.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      })
    ).json()) as { accessToken: string };
    const token = login.accessToken;
    let delivered = 0;
    for (let i = 0; i < CONSOLES; i++) {
      const socket = io(`${server.baseUrl}/console`, { transports: ['websocket'], auth: { token } });
      socket.onAny(() => delivered++);
      sockets.push(socket);
    }
    const post = async (path: string, body: unknown): Promise<{ status: number; id?: string; ms: number }> => {
      const started = performance.now();
      const response = await fetch(`${server.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });
      const json = (await response.json()) as { id?: string };
      return { status: response.status, id: json.id, ms: performance.now() - started };
    };

    const incidents: string[] = [];
    console.log(`soak: ${MINUTES} min, ${RATE} commands/s, ${CONSOLES} consoles, API process pid ${server.pid}`);
    console.log('minute  commands  errors  HTTP p50    p99     max | deliveries/s | API rss   heap  resume buffer');
    const startRss = server.rssBytes();
    const perMinute: number[][] = [];
    for (let minute = 1; minute <= MINUTES; minute++) {
      const latencies: number[] = [];
      perMinute.push(latencies);
      let errors = 0;
      const deliveredBefore = delivered;
      const minuteEnds = Date.now() + 60_000;
      const pending: Promise<void>[] = [];
      for (let n = 0; Date.now() < minuteEnds; n++) {
        const target = incidents[n % Math.max(1, incidents.length)];
        const job = (
          target && n % 3 !== 0
            ? post(`/api/v1/incidents/${target}/updates`, { measures: `续报 ${n}` })
            : post('/api/v1/incidents', incidentBody(-1))
        ).then(
          (r) => {
            latencies.push(r.ms);
            if (r.status >= 300) errors++;
            // Keep a rolling set of open incidents, so follow-ups spread over them rather than growing one stream.
            if (r.id && r.status === 201) {
              incidents.push(r.id);
              if (incidents.length > 200) incidents.shift();
            }
          },
          () => void errors++,
        );
        pending.push(job);
        await new Promise((r) => setTimeout(r, 1000 / RATE));
      }
      await Promise.all(pending);
      const sorted = latencies.sort((a, b) => a - b);
      const rss = server.rssBytes();
      // The API's own view of its memory: V8 heap in use, and the bounded resume buffer within it.
      const metrics = await (await fetch(`${server.baseUrl}/metrics`)).text();
      const gauge = (name: string) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(metrics)?.[1] ?? NaN);
      console.log(
        `${String(minute).padStart(6)}  ${String(sorted.length).padStart(8)}  ${String(errors).padStart(6)}  ${percentile(sorted, 50).toFixed(1).padStart(7)} ${percentile(sorted, 99).toFixed(1).padStart(7)} ${(sorted[sorted.length - 1] ?? NaN).toFixed(1).padStart(7)} |` +
          ` ${((delivered - deliveredBefore) / 60).toFixed(0).padStart(12)} | ${(rss / 1024 / 1024).toFixed(0)} MB  ${(gauge('nodejs_heap_size_used_bytes') / 1024 / 1024).toFixed(0)} MB` +
          `  ${gauge('live_delta_buffer_deltas')} deltas / ${(gauge('live_delta_buffer_bytes') / 1024 / 1024).toFixed(1)} MB`,
      );
    }
    printFiveMinuteReport(perMinute);
    console.log(
      `API rss: ${(startRss / 1024 / 1024).toFixed(0)} MB at start → ${(server.rssBytes() / 1024 / 1024).toFixed(0)} MB after ${MINUTES} min`,
    );
  } finally {
    for (const socket of sockets) socket.close();
    await sql.end();
    await server.stop();
    await database.stop();
  }
}

/** p99 per five minutes, and the last five minutes' p99 over the first five's (the growth of latency with history). */
function printFiveMinuteReport(perMinute: readonly number[][]): void {
  const p99Of = (minutes: readonly number[][]) =>
    percentile(
      minutes.flat().sort((a, b) => a - b),
      99,
    );
  console.log('minutes   commands   HTTP p99');
  for (let from = 0; from < perMinute.length; from += 5) {
    const window = perMinute.slice(from, from + 5);
    const label = `${from + 1}–${from + window.length}${window.length < 5 ? ' (partial)' : ''}`;
    console.log(
      `${label.padEnd(16)} ${String(window.flat().length).padStart(6)} ${p99Of(window).toFixed(1).padStart(9)} ms`,
    );
  }
  const span = Math.min(5, perMinute.length);
  const first = p99Of(perMinute.slice(0, span));
  const last = p99Of(perMinute.slice(perMinute.length - span));
  const overlap = perMinute.length < 10 ? ` (the windows overlap: MINUTES=${perMinute.length} < 10)` : '';
  console.log(
    `p99 last five minutes / first five: ${last.toFixed(1)} / ${first.toFixed(1)} ms = ${(last / first).toFixed(2)} (goal ≤ 1.2)${overlap}`,
  );
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
