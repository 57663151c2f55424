import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

/**
 * The child processes of `console-latency.bench.ts` (forked from dist), so neither the consoles nor the driver share
 * the server's event loop. `argv[2]` is the role:
 * - `consoles`: opens N authenticated `/console` sockets subscribed to the city (640500) and stamps, per delta
 *   (name, id, position) and per socket, when it arrived; at the end it matches the driver's commands to them.
 * - `driver`: issues RATE commands/s for SECONDS (open loop: a command is sent on schedule whether or not the
 *   previous ones answered) and reports each command's HTTP timings and returned position.
 * Clock: `performance.timeOrigin + performance.now()` (ms, sub-ms precision) in every process of the one machine.
 */
export const now = (): number => performance.timeOrigin + performance.now();

export type Kind = 'report' | 'update' | 'dispatch' | 'allocation';
export const KINDS: readonly Kind[] = ['report', 'update', 'dispatch', 'allocation'];

/** One command as the driver saw it; `id` is what the matching delta carries in `data` (id / warehouseId). */
export interface CommandRecord {
  kind: Kind;
  status: number;
  id: string | null;
  delta: 'incident.changed' | 'team.changed' | 'stock.changed';
  position: string | null;
  sentAt: number;
  respondedAt: number;
}

export interface ConsolesStart { baseUrl: string; tokens: string[]; count: number }
export interface DriverStart {
  baseUrl: string; token: string; rate: number; seconds: number;
  incidents: string[]; teams: string[]; warehouses: string[]; material: string;
}

export interface KindSummary {
  kind: Kind; commands: number; matched: number; missing: number; negative: number;
  p50: number; p95: number; p99: number; max: number; min: number;
  /** The same, measured from when the request was sent (includes the HTTP round trip). */
  fromSentP50: number; fromSentP99: number;
}

export interface ConsolesSummary {
  sockets: number; deliveries: number; byName: Record<string, number>; activeMs: number;
  kinds: KindSummary[]; clientLag: { p50: number; p99: number; max: number };
}

/**
 * Event-loop lag from a `monitorEventLoopDelay` histogram, in ms: on Node 20 it records the whole timer interval
 * (an idle loop reads ≈ the resolution), so the resolution is taken off.
 */
export const LAG_RESOLUTION_MS = 10;
export function lagOf(h: { percentile(p: number): number; max: number }): { p50: number; p99: number; max: number } {
  const off = (ns: number) => Math.max(0, ns / 1e6 - LAG_RESOLUTION_MS);
  return { p50: off(h.percentile(50)), p99: off(h.percentile(99)), max: off(h.max) };
}

export function percentileOf(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function comparePositions(a: string, b: string): number {
  const [ac, ap] = a.split('/').map(BigInt) as [bigint, bigint];
  const [bc, bp] = b.split('/').map(BigInt) as [bigint, bigint];
  return ac !== bc ? (ac < bc ? -1 : 1) : ap === bp ? 0 : ap < bp ? -1 : 1;
}

const send = (message: unknown): void => void process.send?.(message);

// ---------------------------------------------------------------------------------------------------------------
// consoles

async function runConsoles(start: ConsolesStart): Promise<void> {
  const sockets: Socket[] = [];
  /** `${name}|${id}|${position}` → arrival time per socket (NaN: not (yet) arrived). */
  const arrivals = new Map<string, Float64Array>();
  /** `${name}|${id}` → the positions seen for it. */
  const positions = new Map<string, string[]>();
  const byName: Record<string, number> = {};
  let counting = false;
  let deliveries = 0;
  const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });

  const stamp = (index: number, name: string, message: { position?: string; data?: { id?: string; warehouseId?: string } }): void => {
    const t = now();
    const id = message.data?.id ?? message.data?.warehouseId;
    if (!id || !message.position) return;
    const key = `${name}|${id}|${message.position}`;
    let times = arrivals.get(key);
    if (!times) {
      times = new Float64Array(start.count).fill(Number.NaN);
      arrivals.set(key, times);
      const list = positions.get(`${name}|${id}`);
      if (list) list.push(message.position);
      else positions.set(`${name}|${id}`, [message.position]);
    }
    if (Number.isNaN(times[index]!)) times[index] = t;
  };

  const connect = (index: number): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const socket = io(`${start.baseUrl}/console`, {
        transports: ['websocket'], reconnection: false, auth: { token: start.tokens[index % start.tokens.length] },
      });
      socket.once('connect_error', reject);
      socket.once('connect', () => {
        socket.emitWithAck('subscribe', { jurisdiction: '640500' }).then((ack: { ok: boolean; error?: string }) => {
          if (!ack.ok) return reject(new Error(`subscribe refused: ${ack.error}`));
          resolve(socket);
        }, reject);
      });
      for (const name of ['incident.changed', 'team.changed', 'stock.changed']) socket.on(name, (m: Parameters<typeof stamp>[2]) => stamp(index, name, m));
      socket.onAny((name: string) => {
        if (!counting) return;
        deliveries++;
        byName[name] = (byName[name] ?? 0) + 1;
      });
      socket.on('disconnect', (reason) => {
        if (reason !== 'io client disconnect') send({ type: 'warning', text: `console ${index} disconnected: ${reason}` });
      });
    });

  for (let i = 0; i < start.count; i += 25) {
    const batch = await Promise.all(Array.from({ length: Math.min(25, start.count - i) }, (_, j) => connect(i + j)));
    sockets.push(...batch);
  }
  let startedAt = 0;
  let stoppedAt = 0;
  process.on('message', (message: { type: string; commands?: CommandRecord[] }) => {
    if (message.type === 'start') {
      counting = true;
      startedAt = now();
      lag.enable();
    } else if (message.type === 'stop') {
      counting = false;
      stoppedAt = now();
      lag.disable();
      send({ type: 'stopped' });
    } else if (message.type === 'match') {
      const summary: ConsolesSummary = {
        sockets: sockets.length, deliveries, byName, activeMs: stoppedAt - startedAt,
        kinds: KINDS.map((kind) => summarise(kind, message.commands!.filter((c) => c.kind === kind), arrivals, positions, start.count)),
        clientLag: lagOf(lag),
      };
      for (const socket of sockets) socket.close();
      send({ type: 'summary', summary });
    }
  });
  send({ type: 'ready', sockets: sockets.length });
}

/** For each command, the first delta on its id at or after its position, on every console. */
function summarise(kind: Kind, commands: CommandRecord[], arrivals: Map<string, Float64Array>, positions: Map<string, string[]>, count: number): KindSummary {
  const ok = commands.filter((c) => c.status >= 200 && c.status < 300 && c.id && c.position);
  const fromResponse = new Float64Array(ok.length * count);
  const fromSent = new Float64Array(ok.length * count);
  let n = 0;
  let missing = 0;
  let negative = 0;
  for (const command of ok) {
    const candidates = (positions.get(`${command.delta}|${command.id}`) ?? []).filter((p) => comparePositions(p, command.position!) >= 0);
    candidates.sort(comparePositions);
    for (let s = 0; s < count; s++) {
      // The first candidate this console got (a console that missed one delta may still get the next).
      let arrived = Number.NaN;
      for (const p of candidates) {
        const t = arrivals.get(`${command.delta}|${command.id}|${p}`)![s]!;
        if (!Number.isNaN(t)) { arrived = t; break; }
      }
      if (Number.isNaN(arrived)) { missing++; continue; }
      const latency = arrived - command.respondedAt;
      if (latency < 0) negative++;
      fromResponse[n] = latency;
      fromSent[n] = arrived - command.sentAt;
      n++;
    }
  }
  const a = fromResponse.subarray(0, n).sort();
  const b = fromSent.subarray(0, n).sort();
  return {
    kind, commands: commands.length, matched: n, missing, negative,
    p50: percentileOf(a, 50), p95: percentileOf(a, 95), p99: percentileOf(a, 99), max: n ? a[n - 1]! : Number.NaN, min: n ? a[0]! : Number.NaN,
    fromSentP50: percentileOf(b, 50), fromSentP99: percentileOf(b, 99),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// driver

async function runDriver(start: DriverStart): Promise<void> {
  const incidents = [...start.incidents];
  const teams = [...start.teams];
  const records: CommandRecord[] = [];
  const errors = new Map<string, number>();
  const total = Math.round(start.rate * start.seconds);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

  const call = async (kind: Kind, path: string, body: unknown, delta: CommandRecord['delta'], idOf: (response: Record<string, unknown>) => string | null): Promise<void> => {
    const sentAt = now();
    let status = 0;
    let payload: Record<string, unknown> = {};
    try {
      const response = await fetch(`${start.baseUrl}${path}`, {
        method: 'POST', headers: { authorization: `Bearer ${start.token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
      });
      status = response.status;
      payload = (await response.json()) as Record<string, unknown>;
    } catch (error) {
      payload = { code: (error as Error).message };
    }
    const respondedAt = now();
    const good = status >= 200 && status < 300;
    if (!good) {
      const key = `${kind} ${status} ${typeof payload.code === 'string' ? payload.code : ''}`;
      errors.set(key, (errors.get(key) ?? 0) + 1);
    }
    const id = good ? idOf(payload) : null;
    if (kind === 'report' && id) incidents.push(id);
    records.push({ kind, status, id, delta, position: good ? ((payload.position as string | null) ?? null) : null, sentAt, respondedAt });
  };

  const issue = (i: number): Promise<void> => {
    const kind = KINDS[i % KINDS.length]!;
    switch (kind) {
      case 'report':
        return call(kind, '/api/v1/incidents', incidentBody(i), 'incident.changed', (r) => r.id as string);
      case 'update': {
        const incidentId = pick(incidents);
        return call(kind, `/api/v1/incidents/${incidentId}/updates`, { measures: `基准续报 ${i}` }, 'incident.changed', () => incidentId);
      }
      case 'dispatch': {
        const teamId = teams.pop();
        if (!teamId) throw new Error('ran out of pre-registered teams');
        return call(kind, `/api/v1/teams/${teamId}/dispatch`, { incidentId: pick(incidents), task: '基准测试出动' }, 'team.changed', () => teamId);
      }
      case 'allocation': {
        const warehouseId = pick(start.warehouses);
        return call(kind, `/api/v1/warehouses/${warehouseId}/allocations`, { incidentId: pick(incidents), items: [{ materialCode: start.material, quantity: 1 }] }, 'stock.changed', () => warehouseId);
      }
    }
  };

  const pending: Promise<void>[] = [];
  const begun = now();
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const due = Math.min(total, Math.floor(((now() - begun) / 1000) * start.rate) + 1);
      while (next < due) pending.push(issue(next++));
      if (next >= total) return resolve();
      setTimeout(tick, Math.max(1, Math.min(10, 1000 / start.rate / 2)));
    };
    tick();
  });
  const issuedMs = now() - begun;
  await Promise.all(pending);
  send({ type: 'records', records, issuedMs, errors: Object.fromEntries(errors) });
}

export function incidentBody(i: number): Record<string, unknown> {
  // All in counties of the city 640500, so every delta reaches the city consoles.
  const jurisdictions = ['640571', '640521', '640522', '640502'];
  return {
    title: `基准测试事故 ${i}`,
    category: 'hazardous_chemicals',
    occurredAt: new Date().toISOString(),
    location: { address: '中卫工业园区纬三路（基准测试）', lat: 37.53, lng: 105.14 },
    jurisdiction: jurisdictions[((i % jurisdictions.length) + jurisdictions.length) % jurisdictions.length],
    enterprise: '某化工有限公司',
    reporter: { name: '张伟', phone: '0955-1234567', organization: '企业安全科' },
    casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 1, trapped: 0 },
    directLossYuan: 100_000,
    description: '基准测试：储罐阀门泄漏',
  };
}

if (require.main === module) {
  const role = process.argv[2];
  process.once('message', (message: ConsolesStart | DriverStart) => {
    const run = role === 'consoles' ? runConsoles(message as ConsolesStart) : runDriver(message as DriverStart);
    run.catch((error: Error) => {
      send({ type: 'failed', error: error.stack ?? error.message });
      process.exitCode = 1;
    });
  });
}
