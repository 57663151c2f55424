import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client } from 'pg';
import { hash } from '@node-rs/argon2';
import {
  incidentBody,
  lagOf,
  LAG_RESOLUTION_MS,
  type CommandRecord,
  type ConsolesStart,
  type ConsolesSummary,
  type DriverStart,
} from './console-latency.protocol';
import { freshDatabase, inParallel, nextMessage, post, startSystem } from './console-latency.setup';

/**
 * Command to console (docs/performance.md): Starts the real application on a fresh database, opens CONSOLES authenticated
 * Socket.IO consoles subscribed to the city (640500) in a second process, and has a driver (a third process) issue
 * RATE commands/s for SECONDS: incident reports, follow-ups, team dispatches and warehouse allocations in turn.
 * Prints per kind the latency from the HTTP response to the matching delta on every console (p50/p95/p99/max),
 * deliveries/s, the server's event-loop lag and memory, and the HTTP latency. Figures only, no assertions
 * (`npm run bench:console-latency`; defaults CONSOLES=500 RATE=100 SECONDS=60).
 */
const CONSOLES = Number(process.env.CONSOLES ?? 500);
const RATE = Number(process.env.RATE ?? 100);
const SECONDS = Number(process.env.SECONDS ?? 60);
const GOAL_P99_MS = 50;
const TENT = '1010101';
const WAREHOUSES = 4;
const CONSOLE_USERS = Math.max(1, Math.min(CONSOLES, 10));
/** API processes; 2 or more runs the scale-out layout (`npm run bench:scale-out`). */
const PROCESSES = Number(process.env.PROCESSES ?? 1);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => (Number.isNaN(value) ? '     –' : value.toFixed(1).padStart(6));

async function main(): Promise<void> {
  const database = await freshDatabase();
  const system = await startSystem(database.url, PROCESSES);
  const baseUrl = system.baseUrl;
  const sql = new Client({ connectionString: database.url });
  await sql.connect();
  const children: ChildProcess[] = [];
  try {
    // Users straight in the database (hashed as the app hashes), signed in over HTTP.
    const signedIn = async (roles: string[]): Promise<string> => {
      const username = `bench${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const password = `pw-${randomUUID()}`;
      await sql.query(
        `insert into users (id, username, display_name, password_hash, roles, jurisdiction, created_by) values ($1, $2, $3, $4, $5, '640500', 'bench')`,
        [randomUUID(), username, `基准用户 ${username}`, await hash(password), roles],
      );
      return (await post(baseUrl, '/api/v1/auth/login', undefined, { username, password })).accessToken as string;
    };
    const admin = await signedIn(['admin']);
    const driver = await signedIn(['commander']);
    const consoleTokens = await inParallel(CONSOLE_USERS, 4, () => signedIn(['commander']));

    // Enough available teams for every dispatch, stocked warehouses, and incidents for follow-ups to refer to.
    const total = Math.round(RATE * SECONDS);
    const dispatches = Math.ceil(total / 4);
    const setupStarted = Date.now();
    const teams = await inParallel(
      dispatches + 10,
      8,
      async (i) =>
        (
          await post(baseUrl, '/api/v1/teams', admin, {
            name: `基准救援队 ${i}`,
            kind: 'professional',
            specialties: ['hazardous_chemicals'],
            headcount: 20,
            equipment: ['防化服'],
            base: { address: '中卫工业园区（基准测试）', lat: 37.53, lng: 105.15 },
            jurisdiction: ['640571', '640521', '640522', '640502'][i % 4],
            contact: { name: '李强', phone: '0955-0000002' },
          })
        ).id as string,
    );
    const warehouses = await inParallel(WAREHOUSES, WAREHOUSES, async (i) => {
      const id = (
        await post(baseUrl, '/api/v1/warehouses', admin, {
          name: `基准储备库 ${i}`,
          level: 'city',
          location: { address: '中卫市（基准测试）', lat: 37.51, lng: 105.19 },
          jurisdiction: '640500',
          reserveKind: 'physical',
        })
      ).id as string;
      await post(baseUrl, `/api/v1/warehouses/${id}/receipts`, admin, {
        items: [{ materialCode: TENT, quantity: 1_000_000 }],
      });
      return id;
    });
    const incidents = await inParallel(
      20,
      4,
      async (i) => (await post(baseUrl, '/api/v1/incidents', driver, incidentBody(-1 - i))).id as string,
    );
    console.log(
      `setup: ${teams.length} teams, ${warehouses.length} warehouses, ${incidents.length} incidents in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`,
    );

    const clientScript = join(__dirname, 'console-latency.client.js');
    const consoles = fork(clientScript, ['consoles'], { stdio: 'inherit' });
    children.push(consoles);
    const connectStarted = Date.now();
    const ready = nextMessage<{ sockets: number }>(consoles, 'ready');
    consoles.send({ baseUrl, tokens: consoleTokens, count: CONSOLES } satisfies ConsolesStart);
    console.log(
      `consoles: ${(await ready).sockets} connected and subscribed to 640500 in ${((Date.now() - connectStarted) / 1000).toFixed(1)} s (${CONSOLE_USERS} users)`,
    );

    await new Promise((r) => setTimeout(r, 1000));
    global.gc?.();
    const before = { rss: system.rssBytes(), heapUsed: system.heapUsedBytes() };
    const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
    lag.enable();
    consoles.send({ type: 'start' });
    const driverProcess = fork(clientScript, ['driver'], { stdio: 'inherit' });
    children.push(driverProcess);
    const driven = nextMessage<{ records: CommandRecord[]; issuedMs: number; errors: Record<string, number> }>(
      driverProcess,
      'records',
    );
    driverProcess.send({
      baseUrl,
      token: driver,
      rate: RATE,
      seconds: SECONDS,
      incidents,
      teams,
      warehouses,
      material: TENT,
    } satisfies DriverStart);
    console.log(`driving ${RATE} commands/s for ${SECONDS} s at ${CONSOLES} consoles …`);
    const { records, issuedMs, errors } = await driven;
    // Let the last deltas arrive before the consoles stop counting.
    await new Promise((r) => setTimeout(r, 2000));
    const stopped = nextMessage(consoles, 'stopped');
    consoles.send({ type: 'stop' });
    await stopped;
    lag.disable();
    const after = { rss: system.rssBytes(), heapUsed: system.heapUsedBytes() };
    const summarised = nextMessage<{ summary: ConsolesSummary }>(consoles, 'summary');
    consoles.send({ type: 'match', commands: records });
    const { summary } = await summarised;

    console.log(
      `\nconsole latency — ${PROCESSES > 1 ? `${PROCESSES} API processes (CLUSTER=true) behind a round-robin TCP split, ` : ''}${CONSOLES} consoles, ${RATE} commands/s for ${SECONDS} s (${records.length} commands issued in ${(issuedMs / 1000).toFixed(1)} s)`,
    );
    console.log(
      'clock: performance.timeOrigin + performance.now() in each process (ms); latency = arrival on a console − HTTP response at the driver',
    );
    // Command handlers wait for their projection before answering, and the projection emits the delta: a console
    // usually has it before the driver has the response, hence negative figures (<0 counts them); 'from sent' adds the round trip.
    console.log(
      'latency < 0: the delta reached the console before the HTTP response reached the driver (handlers answer after their projection)',
    );
    console.log(
      'kind        cmds  ok       matched  missing  <0     p50     p95     p99     max | from sent p50  p99 | HTTP p50  p95  p99  max',
    );
    let worstP99 = Number.NEGATIVE_INFINITY;
    for (const k of summary.kinds) {
      const http = records
        .filter((r) => r.kind === k.kind && r.status >= 200 && r.status < 300)
        .map((r) => r.respondedAt - r.sentAt)
        .sort((a, b) => a - b);
      const at = (p: number) =>
        http[Math.min(http.length - 1, Math.max(0, Math.ceil((p / 100) * http.length) - 1))] ?? Number.NaN;
      worstP99 = Math.max(worstP99, k.p99);
      console.log(
        `${k.kind.padEnd(10)} ${String(k.commands).padStart(5)} ${String(http.length).padStart(5)} ${String(k.matched).padStart(11)} ${String(k.missing).padStart(8)} ${String(k.negative).padStart(5)}` +
          ` ${ms(k.p50)}  ${ms(k.p95)}  ${ms(k.p99)}  ${ms(k.max)} |     ${ms(k.fromSentP50)} ${ms(k.fromSentP99)} |  ${ms(at(50))} ${ms(at(95))} ${ms(at(99))} ${ms(http[http.length - 1] ?? Number.NaN)}`,
      );
    }
    const failures = Object.entries(errors);
    if (failures.length > 0) console.log(`failed commands: ${failures.map(([key, n]) => `${key} ×${n}`).join(', ')}`);
    console.log(
      `deliveries: ${summary.deliveries} to ${summary.sockets} consoles in ${(summary.activeMs / 1000).toFixed(1)} s = ${(summary.deliveries / (summary.activeMs / 1000)).toFixed(0)}/s` +
        ` (${Object.entries(summary.byName)
          .map(([name, n]) => `${name} ${n}`)
          .join(', ')})`,
    );
    const serverLag = PROCESSES > 1 ? { p50: Number.NaN, p99: Number.NaN, max: Number.NaN } : lagOf(lag);
    console.log(
      `server event-loop lag${PROCESSES > 1 ? ' (measured in-process only: PROCESSES=1)' : ''} (beyond the ${LAG_RESOLUTION_MS} ms sampling timer): p50 ${serverLag.p50.toFixed(1)} ms, p99 ${serverLag.p99.toFixed(1)} ms, max ${serverLag.max.toFixed(1)} ms` +
        ` (consoles process: p50 ${summary.clientLag.p50.toFixed(1)}, p99 ${summary.clientLag.p99.toFixed(1)}, max ${summary.clientLag.max.toFixed(1)} ms)`,
    );
    console.log(
      `server memory: rss ${mb(before.rss)} → ${mb(after.rss)}${PROCESSES > 1 ? ` (${PROCESSES} processes)` : `, heap used ${mb(before.heapUsed)} → ${mb(after.heapUsed)}`}`,
    );
    console.log(
      `goal p99 < ${GOAL_P99_MS} ms (response → console, every kind): ${worstP99 < GOAL_P99_MS ? 'MET' : 'NOT MET'} (worst p99 ${worstP99.toFixed(1)} ms)`,
    );
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
    await sql.end();
    await system.stop();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
