import { performance } from 'node:perf_hooks';

// What the console-latency bench and its child processes share: the messages they exchange, the clock they stamp
// with, the statistics both compute, and the incident report every load generator sends.

/** Clock: `performance.timeOrigin + performance.now()` (ms, sub-ms precision) in every process of the one machine. */
export const now = (): number => performance.timeOrigin + performance.now();

/** A message to the bench process that forked this one. */
export const sendToParent = (message: unknown): void => void process.send?.(message);

export type Kind = 'report' | 'update' | 'dispatch' | 'allocation' | 'bare';
/** The application's command mix, issued in turn; `bare` is the bare server's one command. */
export const COMMAND_KINDS: readonly Kind[] = ['report', 'update', 'dispatch', 'allocation'];
export const KINDS: readonly Kind[] = [...COMMAND_KINDS, 'bare'];

/** One command as the driver saw it; `id` is what the matching delta carries in `data` (id / warehouseId). */
export interface CommandRecord {
  kind: Kind;
  status: number;
  id: string | null;
  delta: 'incident.changed' | 'team.changed' | 'stock.changed' | 'bare.message';
  position: string | null;
  sentAt: number;
  respondedAt: number;
}

export interface ConsolesStart {
  baseUrl: string;
  tokens: string[];
  count: number;
  /** Connect to the bare Socket.IO server (namespace `/bare`, no sign-in, no rooms) instead of the application. */
  bare?: boolean;
  /** Incidents the consoles have open (realtime contract 2): console i opens `open[i % open.length]`. */
  open?: string[];
  /** The realtime contract the consoles announce: 2 (the console's), or 1 (every delta of the city, whole views). */
  protocol?: 1 | 2;
}
/** What the bare server sends per command: `messages` messages to every console, `bytes` of JSON in all. */
export interface BareLoad {
  messages: number;
  bytes: number;
}
export interface DriverStart {
  /** Issue `POST /command` to the bare server instead of the application's commands. */
  bare?: boolean;
  baseUrl: string;
  token: string;
  rate: number;
  seconds: number;
  incidents: string[];
  teams: string[];
  warehouses: string[];
  material: string;
}

export interface KindSummary {
  kind: Kind;
  commands: number;
  matched: number;
  missing: number;
  negative: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  min: number;
  /** The same, measured from when the request was sent (includes the HTTP round trip). */
  fromSentP50: number;
  fromSentP99: number;
}

export interface ConsolesSummary {
  sockets: number;
  deliveries: number;
  /** JSON bytes of the messages the first console received (one console sampled: counting all would load the clients). */
  bytesOneConsole: number;
  byName: Record<string, number>;
  activeMs: number;
  kinds: KindSummary[];
  clientLag: { p50: number; p99: number; max: number };
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
