import { io, type Socket } from 'socket.io-client';
import { comparePositions, parsePosition } from '../../libs/event-store/src';
import { startTestApp, type TestApp } from '../support/test-app';
import { startCuttableProxy, type CuttableProxy } from '../support/cuttable-proxy';
import { incidentBody } from '../support/incident-fixtures';
import { until } from '../support/eventually';

const CONSOLES = Number(process.env.STORM_CONSOLES ?? 500);

function maxPosition(a: string | null, b: string): string {
  return a && comparePositions(parsePosition(a)!, parsePosition(b)!) >= 0 ? a : b;
}

interface IncidentSeen {
  id: string;
  revision: number;
}

/**
 * A console as apps/console behaves on the wire: it keeps each incident's latest revision and the last position it
 * saw; after a reconnect it resumes from there, and on `snapshot.required` it reloads the list over HTTP.
 */
class WireConsole {
  readonly revisions = new Map<string, number>();
  last: string | null = null;
  reloads = 0;
  reconnects = 0;
  readonly socket: Socket;

  constructor(
    url: string,
    token: string,
    initial: readonly IncidentSeen[],
    private readonly reload: () => Promise<IncidentSeen[]>,
  ) {
    for (const i of initial) this.revisions.set(i.id, i.revision);
    this.socket = io(`${url}/console`, {
      transports: ['websocket'],
      auth: { token },
      reconnectionDelay: 200,
      reconnectionDelayMax: 2000,
      randomizationFactor: 0.5,
    });
    this.socket.on('incident.changed', (m: { position: string; data: IncidentSeen }) => {
      this.revisions.set(m.data.id, Math.max(this.revisions.get(m.data.id) ?? -1, m.data.revision));
      this.last = maxPosition(this.last, m.position);
    });
    this.socket.on('snapshot.required', () => void this.reloadAll());
    this.socket.io.on('reconnect', () => {
      this.reconnects++;
      if (this.last) this.socket.emit('resume', { since: this.last });
      else void this.reloadAll();
    });
  }

  connected(): Promise<void> {
    return new Promise((resolve, reject) => this.socket.once('connect', () => resolve()).once('connect_error', reject));
  }

  private async reloadAll(): Promise<void> {
    this.reloads++;
    for (const i of await this.reload()) this.revisions.set(i.id, Math.max(this.revisions.get(i.id) ?? -1, i.revision));
  }
}

/**
 * Reconnect storm (ADR 0008): every console loses its line at the same moment (a TCP proxy drops all connections) while
 * commands continue, and all reconnect at once. Each console must end with the server's state, by resume or by
 * reload, and the server must keep answering commands (its latency during the storm is printed, not asserted).
 */
describe('reconnect storm', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let proxy: CuttableProxy;
  const consoles: WireConsole[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    proxy = await startCuttableProxy(Number(new URL(t.baseUrl).port));
  });
  afterAll(async () => {
    for (const c of consoles) c.socket.close();
    await proxy?.close();
    await t?.close();
  });

  it(`brings ${CONSOLES} consoles that drop and reconnect at once back to the server's state`, async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body.id);
    const list = async (): Promise<IncidentSeen[]> =>
      ((await t.get('/api/v1/incidents').expect(200)).body as IncidentSeen[]).filter((i) => ids.includes(i.id));
    const initial = await list();
    for (let i = 0; i < CONSOLES; i++) consoles.push(new WireConsole(proxy.url, t.commander.token, initial, list));
    await Promise.all(consoles.map((c) => c.connected()));

    // Follow-ups keep coming through the storm (straight to the app: only the consoles' line is cut).
    const latencies: number[] = [];
    let running = true;
    const driver = (async () => {
      for (let n = 0; running; n++) {
        const started = performance.now();
        await t
          .post(`/api/v1/incidents/${ids[n % ids.length]}/updates`)
          .send({ measures: `续报 ${n}` })
          .expect(200);
        latencies.push(performance.now() - started);
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    await new Promise((r) => setTimeout(r, 500));
    const cutAt = performance.now();
    proxy.cut();
    await new Promise((r) => setTimeout(r, 1000));
    proxy.restore();
    await until(() => consoles.every((c) => c.socket.connected && c.reconnects > 0), 60_000);
    const reconnectedMs = performance.now() - cutAt;
    await new Promise((r) => setTimeout(r, 1000));
    running = false;
    await driver;

    const server = new Map((await list()).map((i) => [i.id, i.revision]));
    const behind = () => consoles.filter((c) => ids.some((id) => c.revisions.get(id) !== server.get(id)));
    await until(() => behind().length === 0, 30_000).catch(() => undefined);
    const sorted = [...latencies].sort((a, b) => a - b);
    process.stdout.write(
      `reconnect storm: ${CONSOLES} consoles back in ${reconnectedMs.toFixed(0)} ms; ` +
        `${consoles.reduce((n, c) => n + c.reloads, 0)} reloads; commands during it: ${latencies.length}, ` +
        `p50 ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, p99 ${sorted[Math.floor(sorted.length * 0.99)]!.toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms\n`,
    );
    expect(behind().map((c) => c.socket.id)).toEqual([]);
  });
});
