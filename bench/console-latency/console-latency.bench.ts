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
  type BareLoad,
  type CommandRecord,
  type ConsolesStart,
  type ConsolesSummary,
  type DriverStart,
} from './console-latency.protocol';
import { startBareServer } from './console-latency.bare';
import { freshDatabase, inParallel, nextMessage, post, startSystem } from './console-latency.setup';

/**
 * Command to console (docs/performance.md §2). Two systems on this machine, in one run, each searched for the highest
 * command rate at which the response → console p99 stays under 50 ms:
 * - ours: the real application on a fresh database, CONSOLES authenticated Socket.IO consoles (realtime contract 2)
 *   subscribed to the city (640500), each with one incident open, in a second process; a driver (a third process)
 *   issues commands at a rate for SECONDS: incident reports, follow-ups, team dispatches and warehouse allocations
 *   in turn;
 * - the ceiling: a bare Socket.IO server (console-latency.bare.ts) broadcasting, per command, as many messages of as
 *   many bytes as ours sent each console per command, to as many consoles, driven the same way.
 * The search starts at START_RATE commands/s, doubles while the rate holds (p99 and HTTP p99, see `held`; up to
 * MAX_RATE), then halves the gap BISECT times. Prints each step, the per-kind latencies of our best step, the
 * command HTTP p99, both highest rates and their ratio (goal ≥ 0.8). Figures only, no assertions
 * (`npm run bench:console-latency`; RATES=a,b,… measures just those rates).
 */
const CONSOLES = Number(process.env.CONSOLES ?? 500);
const SECONDS = Number(process.env.SECONDS ?? 10);
const START_RATE = Number(process.env.START_RATE ?? 10);
const MAX_RATE = Number(process.env.MAX_RATE ?? 640);
const BISECT = Number(process.env.BISECT ?? 2);
/** The realtime contract the consoles speak: 2 (default), or 1 to measure what the contract before it sent. */
const PROTOCOL: 1 | 2 = process.env.PROTOCOL === '1' ? 1 : 2;
const RATES = process.env.RATES?.split(',')
  .map(Number)
  .filter((r) => r > 0);
const GOAL_P99_MS = 50;
const GOAL_RATIO = 0.8;
const GOAL_HTTP_P99_MS = 100;
const TENT = '1010101';
const WAREHOUSES = 4;
const CONSOLE_USERS = Math.max(1, Math.min(CONSOLES, 10));
/** API processes; 2 or more runs the scale-out layout (`npm run bench:scale-out`). */
const PROCESSES = Number(process.env.PROCESSES ?? 1);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => (Number.isNaN(value) ? '     –' : value.toFixed(1).padStart(6));

/** One rate measured: the worst kind's p99 (response → console), the commands' HTTP p99, and what the consoles got. */
interface Step {
  rate: number;
  records: CommandRecord[];
  issuedMs: number;
  errors: Record<string, number>;
  summary: ConsolesSummary;
  p99: number;
  httpP99: number;
  lag: { p50: number; p99: number; max: number };
}

/**
 * A rate holds when its deliveries arrive within GOAL_P99_MS of their responses *and* the server keeps up with the
 * commands (HTTP p99 under GOAL_HTTP_P99_MS), for ours and the bare server alike: a server whose commands queue for
 * seconds can still deliver the few it answers promptly, and that is not a rate it sustains.
 */
const held = (step: Step) =>
  step.p99 < GOAL_P99_MS &&
  step.httpP99 < GOAL_HTTP_P99_MS &&
  Object.keys(step.errors).length === 0 &&
  step.summary.kinds.every((k) => k.missing === 0);

/** The highest rate that holds: doubling from START_RATE (halving when that fails already), then bisecting. */
async function search(
  label: string,
  measure: (rate: number) => Promise<Step>,
): Promise<{ best?: Step; steps: Step[] }> {
  const steps: Step[] = [];
  const run = async (rate: number) => {
    const step = await measure(rate);
    steps.push(step);
    console.log(`  ${label.padEnd(5)} ${stepLine(step)}`);
    return step;
  };
  if (RATES?.length) {
    for (const rate of RATES) await run(rate);
    return { best: steps.filter(held).sort((a, b) => b.rate - a.rate)[0], steps };
  }
  let good: Step | undefined;
  let bad: Step | undefined;
  for (let rate = START_RATE; rate <= MAX_RATE; rate *= 2) {
    const step = await run(rate);
    if (!held(step)) {
      bad = step;
      break;
    }
    good = step;
  }
  for (let rate = START_RATE / 2; !good && rate >= 1; rate /= 2) {
    const step = await run(Math.round(rate));
    if (held(step)) good = step;
    else bad = step;
  }
  for (let i = 0; i < BISECT && good && bad; i++) {
    const mid = Math.round((good.rate + bad.rate) / 2);
    if (mid === good.rate || mid === bad.rate) break;
    const step = await run(mid);
    if (held(step)) good = step;
    else bad = step;
  }
  return { best: good, steps };
}

function stepLine(step: Step): string {
  const s = step.summary;
  const seconds = s.activeMs / 1000;
  const failed = Object.values(step.errors).reduce((a, b) => a + b, 0);
  const missing = s.kinds.reduce((a, k) => a + k.missing, 0);
  return (
    `${String(step.rate).padStart(4)} cmd/s: p99 ${ms(step.p99)} ms (${held(step) ? 'holds' : 'over '}) | HTTP p99 ${ms(step.httpP99)} ms` +
    ` | ${(s.deliveries / seconds).toFixed(0).padStart(6)} deliveries/s, ${(((s.bytesOneConsole / seconds) * s.sockets) / 1024 / 1024).toFixed(1)} MB/s of JSON` +
    ` | loop p99 ${step.lag.p99.toFixed(1)} ms${failed ? ` | ${failed} failed` : ''}${missing ? ` | ${missing} missing` : ''}`
  );
}

function httpPercentile(records: CommandRecord[], p: number, kind?: string): number {
  const http = records
    .filter((r) => (kind === undefined || r.kind === kind) && r.status >= 200 && r.status < 300)
    .map((r) => r.respondedAt - r.sentAt)
    .sort((a, b) => a - b);
  return http[Math.min(http.length - 1, Math.max(0, Math.ceil((p / 100) * http.length) - 1))] ?? Number.NaN;
}

/** Runs the consoles process against one system at one rate: start counting, drive, let the last deltas in, match. */
async function measureAt(
  consoles: ChildProcess,
  children: ChildProcess[],
  rate: number,
  driverStart: DriverStart,
  inProcessLag: boolean,
): Promise<Step> {
  const clientScript = join(__dirname, 'console-latency.client.js');
  await new Promise((r) => setTimeout(r, 500));
  global.gc?.();
  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
  lag.enable();
  consoles.send({ type: 'start' });
  const driverProcess = fork(clientScript, ['driver'], { stdio: 'inherit' });
  children.push(driverProcess);
  const driven = nextMessage<{ records: CommandRecord[]; issuedMs: number; errors: Record<string, number> }>(
    driverProcess,
    'records',
  );
  driverProcess.send({ ...driverStart, rate } satisfies DriverStart);
  const { records, issuedMs, errors } = await driven;
  // Let the last deltas arrive before the consoles stop counting.
  await new Promise((r) => setTimeout(r, 2000));
  const stopped = nextMessage(consoles, 'stopped');
  consoles.send({ type: 'stop' });
  await stopped;
  lag.disable();
  const summarised = nextMessage<{ summary: ConsolesSummary }>(consoles, 'summary');
  consoles.send({ type: 'match', commands: records });
  const { summary } = await summarised;
  return {
    rate,
    records,
    issuedMs,
    errors,
    summary,
    p99: Math.max(...summary.kinds.map((k) => k.p99)),
    httpP99: httpPercentile(records, 99),
    lag: inProcessLag ? lagOf(lag) : { p50: Number.NaN, p99: Number.NaN, max: Number.NaN },
  };
}

async function openConsoles(children: ChildProcess[], start: ConsolesStart, what: string): Promise<ChildProcess> {
  const consoles = fork(join(__dirname, 'console-latency.client.js'), ['consoles'], { stdio: 'inherit' });
  children.push(consoles);
  const connectStarted = Date.now();
  const ready = nextMessage<{ sockets: number }>(consoles, 'ready');
  consoles.send(start);
  console.log(
    `${what}: ${(await ready).sockets} consoles connected in ${((Date.now() - connectStarted) / 1000).toFixed(1)} s`,
  );
  return consoles;
}

async function closeConsoles(consoles: ChildProcess): Promise<void> {
  const closed = nextMessage(consoles, 'closed');
  consoles.send({ type: 'close' });
  await closed;
  consoles.kill();
}

async function main(): Promise<void> {
  const database = await freshDatabase();
  const system = await startSystem(database.url, PROCESSES);
  const baseUrl = system.baseUrl;
  const sql = new Client({ connectionString: database.url });
  await sql.connect();
  const children: ChildProcess[] = [];
  let ours: { best?: Step; steps: Step[] } = { steps: [] };
  let memory = '';
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

    // Stocked warehouses, and incidents for follow-ups to refer to (and for the consoles to have open).
    const setupStarted = Date.now();
    let teamNumber = 0;
    const newTeams = (count: number) =>
      inParallel(
        count,
        8,
        async () =>
          (
            await post(baseUrl, '/api/v1/teams', admin, {
              name: `基准救援队 ${teamNumber}`,
              kind: 'professional',
              specialties: ['hazardous_chemicals'],
              headcount: 20,
              equipment: ['防化服'],
              base: { address: '中卫工业园区（基准测试）', lat: 37.53, lng: 105.15 },
              jurisdiction: ['640571', '640521', '640522', '640502'][teamNumber++ % 4],
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
      `setup: ${warehouses.length} warehouses, ${incidents.length} incidents in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`,
    );
    const consoles = await openConsoles(
      children,
      { baseUrl, tokens: consoleTokens, count: CONSOLES, open: incidents, protocol: PROTOCOL },
      PROTOCOL === 1
        ? `ours (${CONSOLE_USERS} users, subscribed to 640500, realtime contract 1)`
        : `ours (${CONSOLE_USERS} users, subscribed to 640500, contract 2, one of ${incidents.length} incidents open each)`,
    );
    const before = system.rssBytes();
    console.log(`\nsearching, ${CONSOLES} consoles, ${SECONDS} s per rate …`);
    ours = await search('ours', async (rate) => {
      // Every dispatch takes a fresh available team.
      const teams = await newTeams(Math.ceil((rate * SECONDS) / 4) + 2);
      return measureAt(
        consoles,
        children,
        rate,
        { baseUrl, token: driver, rate, seconds: SECONDS, incidents, teams, warehouses, material: TENT },
        PROCESSES <= 1,
      );
    });
    memory = `server memory: rss ${mb(before)} → ${mb(system.rssBytes())}${PROCESSES > 1 ? ` (${PROCESSES} processes)` : ''}`;
    await closeConsoles(consoles);
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
    await sql.end();
    await system.stop();
    await database.drop();
  }

  // What ours sent each console per command, at the rate the bare server is to match (our best, else our first).
  const reference = ours.best ?? ours.steps[0];
  if (!reference) throw new Error('no step measured');
  const load: BareLoad = {
    messages: reference.summary.deliveries / reference.summary.sockets / reference.records.length,
    bytes: reference.summary.bytesOneConsole / reference.records.length,
  };
  const bareServer = await startBareServer(load);
  const bareChildren: ChildProcess[] = [];
  let bare: { best?: Step; steps: Step[] } = { steps: [] };
  try {
    const consoles = await openConsoles(
      bareChildren,
      { baseUrl: bareServer.baseUrl, tokens: [], count: CONSOLES, bare: true },
      `bare Socket.IO (${load.messages.toFixed(2)} messages, ${load.bytes.toFixed(0)} bytes of JSON per command per console, as ours)`,
    );
    bare = await search('bare', (rate) =>
      measureAt(
        consoles,
        bareChildren,
        rate,
        {
          bare: true,
          baseUrl: bareServer.baseUrl,
          token: '',
          rate,
          seconds: SECONDS,
          incidents: [],
          teams: [],
          warehouses: [],
          material: '',
        },
        true,
      ),
    );
    await closeConsoles(consoles);
  } finally {
    for (const child of bareChildren) if (child.exitCode === null) child.kill();
    await bareServer.close();
  }

  report(ours, bare, memory);
}

function report(ours: { best?: Step; steps: Step[] }, bare: { best?: Step; steps: Step[] }, memory: string): void {
  const best = ours.best;
  console.log(
    `\nconsole latency (realtime contract ${PROTOCOL}) — ${PROCESSES > 1 ? `${PROCESSES} API processes (CLUSTER=true) behind a round-robin TCP split, ` : ''}${CONSOLES} consoles, ${SECONDS} s per rate`,
  );
  console.log(
    'clock: performance.timeOrigin + performance.now() in each process (ms); latency = arrival on a console − HTTP response at the driver',
  );
  if (best) {
    console.log(
      `our highest holding rate, ${best.rate} commands/s (${best.records.length} commands in ${(best.issuedMs / 1000).toFixed(1)} s):`,
    );
    console.log(
      'kind        cmds  ok       matched  missing  <0     p50     p95     p99     max | from sent p50  p99 | HTTP p50  p95  p99',
    );
    for (const k of best.summary.kinds) {
      const ok = best.records.filter((r) => r.kind === k.kind && r.status >= 200 && r.status < 300).length;
      console.log(
        `${k.kind.padEnd(10)} ${String(k.commands).padStart(5)} ${String(ok).padStart(5)} ${String(k.matched).padStart(11)} ${String(k.missing).padStart(8)} ${String(k.negative).padStart(5)}` +
          ` ${ms(k.p50)}  ${ms(k.p95)}  ${ms(k.p99)}  ${ms(k.max)} |     ${ms(k.fromSentP50)} ${ms(k.fromSentP99)} |  ${ms(httpPercentile(best.records, 50, k.kind))} ${ms(httpPercentile(best.records, 95, k.kind))} ${ms(httpPercentile(best.records, 99, k.kind))}`,
      );
    }
    console.log(
      `deliveries by name: ${Object.entries(best.summary.byName)
        .map(([name, n]) => `${name} ${n}`)
        .join(', ')}`,
    );
  }
  const reference = best ?? ours.steps[0];
  if (reference)
    console.log(
      `per command, each console received ${(reference.summary.deliveries / reference.summary.sockets / reference.records.length).toFixed(2)} messages, ${(reference.summary.bytesOneConsole / reference.records.length).toFixed(0)} bytes of JSON (at ${reference.rate} commands/s)`,
    );
  if (memory) console.log(memory);
  const oursRate = best?.rate ?? 0;
  const bareRate = bare.best?.rate ?? 0;
  const ratio = bareRate > 0 ? oursRate / bareRate : Number.NaN;
  console.log(
    `\nhighest rate with response → console p99 < ${GOAL_P99_MS} ms and HTTP p99 < ${GOAL_HTTP_P99_MS} ms: ours ${oursRate} commands/s (HTTP p99 ${best ? best.httpP99.toFixed(1) : '–'} ms), bare Socket.IO ${bareRate} commands/s${bare.best === undefined ? '' : bare.best.rate >= MAX_RATE ? ' (MAX_RATE reached)' : ''}`,
  );
  console.log(
    `goal at ${CONSOLES} consoles: ours ≥ ${GOAL_RATIO}× bare: ${Number.isNaN(ratio) ? '–' : `${ratio.toFixed(2)}×, ${ratio >= GOAL_RATIO ? 'MET' : 'NOT MET'}`}` +
      ` (ratio to goal ${Number.isNaN(ratio) ? '–' : (ratio / GOAL_RATIO).toFixed(2)}); HTTP p99 < ${GOAL_HTTP_P99_MS} ms: ${best && best.httpP99 < GOAL_HTTP_P99_MS ? 'MET' : 'NOT MET'}`,
  );
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
