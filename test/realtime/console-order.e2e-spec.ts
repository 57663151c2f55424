import { Client } from 'pg';
import type { Socket } from 'socket.io-client';
import { comparePositions, parsePosition } from '../../libs/event-store/src';
import { incidentBody } from '../support/incident-fixtures';
import { runningDrill } from '../support/running-drill';
import { until } from '../support/eventually';
import { startTestApp, type TestApp } from '../support/test-app';

interface Delta {
  name: string;
  position: string;
  data: { id?: string; incidentId?: string };
}
type Ack = { ok: boolean; rooms?: string[]; delivered?: number; code?: string; error?: string };

/** Every live delta (`{ position, data }`) a socket receives from now on, with its name, in arrival order. */
function recordDeltas(socket: Socket): Delta[] {
  const seen: Delta[] = [];
  socket.onAny((name: string, payload: { position?: unknown; data?: Delta['data'] }) => {
    if (typeof payload?.position === 'string')
      seen.push({ name, position: payload.position, data: payload.data ?? {} });
  });
  return seen;
}

/** A command's answer that says it was stored: its full answer, or 202 Accepted when the view is still to follow. */
const acknowledged = (full: number) => (response: { status: number }) =>
  expect({ status: response.status, stored: [full, 202].includes(response.status) }).toMatchObject({ stored: true });

const incidentOf = (d: Delta) => d.data.incidentId ?? d.data.id;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The live line in order: a console may pipeline its messages (Socket.IO keeps their order on the wire), and the
 * server handles each console's messages one after another, in that order (realtime/console-inbox.ts). A `resume`
 * sent right behind a `subscribe` therefore sees the new subscription's rooms, and a burst of subscriptions ends in
 * the last one's rooms.
 */
describe('Socket.IO /console: one console, its messages in order', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  let drillId: string;
  let followed: string;
  beforeAll(async () => {
    // One test holds the read models back on purpose: the production wait before a 202, not the suites' longer one.
    t = await startTestApp({ READ_MODEL_WAIT_MS: '3000' });
    drillId = await runningDrill(t);
    followed = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ jurisdiction: '640521' }))
        .expect(201)
    ).body.id;
  });
  afterAll(() => t?.close());

  // Stored either way: 201 once the read models show it, 202 (with the same id and position) if they are slower than
  // the production wait this app keeps, as a loaded machine can make them.
  const report = async (overrides: Record<string, unknown>) =>
    (await t.post('/api/v1/incidents').send(incidentBody(overrides)).expect(acknowledged(201))).body as {
      id: string;
      position: string;
    };

  /**
   * What a round subscribes to, the changes made for it while no console listens (`covered`: the subscription must
   * get them on resume; `foreign`: it must not), and the incidents those changes concern.
   */
  const rounds: {
    subscription: Record<string, string>;
    make: () => Promise<{ covered: { incident: string; position: string }[]; foreign: string[] }>;
  }[] = [
    {
      subscription: { jurisdiction: '640521' },
      make: async () => {
        const a = await report({ jurisdiction: '640521' });
        const b = await report({ jurisdiction: '640521' });
        const other = await report({ jurisdiction: '640522' });
        return { covered: [a, b].map((r) => ({ incident: r.id, position: r.position })), foreign: [other.id] };
      },
    },
    {
      // The incident's own room: its changes reach the socket although the subscription names another county.
      subscription: {
        jurisdiction: '640522',
        get incidentId() {
          return followed;
        },
      },
      make: async () => {
        const update = (
          await t
            .post(`/api/v1/incidents/${followed}/updates`)
            .send({ measures: `设置警戒区 ${Date.now()}` })
            .expect(acknowledged(200))
        ).body as { position: string };
        const inCounty = await report({ jurisdiction: '640522' });
        const other = await report({ jurisdiction: '640521' });
        return {
          covered: [
            { incident: followed, position: update.position },
            { incident: inCounty.id, position: inCounty.position },
          ],
          foreign: [other.id],
        };
      },
    },
    {
      // A drill: the subscription reads the drill's stream before it joins, the widest gap a resume could fall into.
      subscription: {
        get drillId() {
          return drillId;
        },
      },
      make: async () => {
        const a = await report({ drillId });
        const b = await report({ drillId });
        const real = await report({ jurisdiction: '640521' });
        return { covered: [a, b].map((r) => ({ incident: r.id, position: r.position })), foreign: [real.id] };
      },
    },
    {
      subscription: { jurisdiction: '640500' },
      make: async () => {
        const a = await report({ jurisdiction: '640571' });
        const b = await report({ jurisdiction: '640522' });
        const drill = await report({ drillId });
        return { covered: [a, b].map((r) => ({ incident: r.id, position: r.position })), foreign: [drill.id] };
      },
    },
  ];

  it('subscribe and resume sent together, 100 times in a row with changing subscriptions: every missed delta arrives once, in position order', async () => {
    let since = (await report({ jurisdiction: '640571' })).position;
    for (let i = 0; i < 100; i++) {
      const round = rounds[i % rounds.length]!;
      // The console is away while the changes are made; then it comes back and sends both messages at once.
      const made = await round.make();
      const socket = await t.socket();
      const seen = recordDeltas(socket);
      const answers: string[] = [];
      const subscribed = socket
        .timeout(10_000)
        .emitWithAck('subscribe', { ...round.subscription })
        .then((ack: Ack) => (answers.push('subscribe'), ack));
      const resumed = socket
        .timeout(10_000)
        .emitWithAck('resume', { since })
        .then((ack: Ack) => (answers.push('resume'), ack));
      const [sub, res] = await Promise.all([subscribed, resumed]);
      const where = `round ${i} (${JSON.stringify(round.subscription)})`;
      expect({ where, sub: sub.ok }).toEqual({ where, sub: true });
      expect({ where, answers }).toEqual({ where, answers: ['subscribe', 'resume'] });
      // The resumed deltas are sent before the answer, so they are all here once it is.
      expect({ where, ok: res.ok }).toEqual({ where, ok: true });
      expect(res.delivered).toBeGreaterThanOrEqual(2 * made.covered.length);
      expect(seen.length).toBeGreaterThanOrEqual(res.delivered!);
      for (const change of made.covered) {
        const got = seen.filter((d) => d.position === change.position && incidentOf(d) === change.incident);
        expect({ where, change, names: got.map((d) => d.name).sort() }).toEqual({
          where,
          change,
          names: ['incident.changed', 'timeline.appended'],
        });
      }
      expect({ where, foreign: seen.filter((d) => made.foreign.includes(incidentOf(d) ?? '')) }).toEqual({
        where,
        foreign: [],
      });
      const keys = seen.map((d) => `${d.name} ${d.position} ${JSON.stringify(d.data)}`);
      expect({ where, twice: keys.filter((k, n) => keys.indexOf(k) !== n) }).toEqual({ where, twice: [] });
      const order = seen.map((d) => parsePosition(d.position)!);
      const outOfOrder = order.filter((p, n) => n > 0 && comparePositions(order[n - 1]!, p) > 0);
      expect({ where, outOfOrder }).toEqual({ where, outOfOrder: [] });
      socket.close();
      since = made.covered.at(-1)!.position;
    }
  });

  it('a burst of pipelined subscribes is answered in order and ends in the last subscription’s rooms', async () => {
    const lasts: Record<string, string>[] = [{ jurisdiction: '640522' }, { drillId }];
    for (const last of lasts) {
      const socket = await t.socket();
      const burst: Record<string, string>[] = [];
      for (let i = 0; i < 5; i++) burst.push({ drillId }, { jurisdiction: '640521' }, { jurisdiction: '640571' });
      burst.push(last);
      const answers: number[] = [];
      const acks = (await Promise.all(
        burst.map((s, n) =>
          socket
            .timeout(10_000)
            .emitWithAck('subscribe', s)
            .then((ack: Ack) => (answers.push(n), ack)),
        ),
      )) as Ack[];
      expect(acks.every((a) => a.ok)).toBe(true);
      expect(answers).toEqual(burst.map((_, n) => n));
      const seen = recordDeltas(socket);
      // A change in each of the burst's earlier subscriptions, then one in the last: only the last arrives.
      const earlier = [
        await report({ jurisdiction: '640521' }),
        await report({ jurisdiction: '640571' }),
        ...('drillId' in last ? [] : [await report({ drillId })]),
        ...('jurisdiction' in last ? [] : [await report({ jurisdiction: '640522' })]),
      ];
      const expected = await report('drillId' in last ? { drillId } : { jurisdiction: '640522' });
      await until(() => seen.some((d) => incidentOf(d) === expected.id));
      await pause(300);
      const got = new Set(seen.map(incidentOf));
      expect(earlier.filter((r) => got.has(r.id))).toEqual([]);
      expect([...got]).toEqual([expected.id]);
      socket.close();
      await pause(200);
    }
  });

  it('messages waiting behind a slow one are bounded: beyond 32 the console is told TOO_MANY_PENDING, and those queued are answered in order', async () => {
    const socket = await t.socket();
    // Hold the stream table: a drill subscription reads the drill's stream first, so it waits, and everything sent
    // after it waits behind it.
    const lock = new Client({ connectionString: t.ownerDatabaseUrl });
    await lock.connect();
    let acks: (Ack | Error)[] = [];
    const answers: number[] = [];
    try {
      await lock.query('begin');
      await lock.query('lock table es_streams in access exclusive mode');
      const sent: Promise<Ack | Error>[] = [];
      for (let n = 0; n < 40; n++) {
        sent.push(
          socket
            .timeout(20_000)
            .emitWithAck('subscribe', n === 0 ? { drillId } : { jurisdiction: n % 2 ? '640521' : '640522' })
            .then(
              (ack: Ack) => (answers.push(n), ack),
              (error: Error) => error,
            ),
        );
        // Slow enough for the message budget (a burst of 20, then 5 a second) to let all 40 through.
        await pause(120);
      }
      await until(() => answers.length >= 8);
      expect(answers.length).toBe(8);
      await lock.query('rollback');
      acks = await Promise.all(sent);
    } finally {
      await lock.end();
    }
    const refused = acks.map((a, n) => [n, a] as const).filter(([, a]) => !(a instanceof Error) && !a.ok);
    expect(refused.map(([n]) => n)).toEqual([32, 33, 34, 35, 36, 37, 38, 39]);
    for (const [, a] of refused) expect(a).toMatchObject({ ok: false, code: 'TOO_MANY_PENDING' });
    expect((refused[0]![1] as Ack).error).toMatch(/待处理的消息过多/);
    expect(answers.slice(0, 8)).toEqual([32, 33, 34, 35, 36, 37, 38, 39]);
    // The queued ones were answered after the refusals, in the order they were sent.
    expect(answers.slice(8)).toEqual(Array.from({ length: 32 }, (_, n) => n));
    expect(acks.slice(0, 32).every((a) => !(a instanceof Error) && a.ok)).toBe(true);
    expect(socket.connected).toBe(true);
  });

  it('a message nobody handles is answered UNKNOWN_MESSAGE and does not hold up the next one', async () => {
    const socket = await t.socket();
    const [unknown, subscribed] = (await Promise.all([
      socket.timeout(5_000).emitWithAck('subscribe.everything', {}),
      socket.timeout(5_000).emitWithAck('subscribe', { jurisdiction: '640521' }),
    ])) as Ack[];
    expect(unknown).toMatchObject({ ok: false, code: 'UNKNOWN_MESSAGE' });
    expect(unknown!.error).toMatch(/未知的消息：subscribe\.everything/);
    expect(subscribed).toMatchObject({ ok: true, rooms: ['jurisdiction:640521'] });
  });
});

/**
 * Deltas go out in bursts (LIVE_FLUSH_MS). A `resume` that arrives while a delta it covers is still waiting for its
 * burst leaves that one to the burst: it arrives once, after the older ones the resume sent.
 */
describe('Socket.IO /console: a resume during a burst window', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({ LIVE_FLUSH_MS: '1000' })));
  afterAll(() => t?.close());

  it('a delta still waiting for its burst is not also sent by the resume', async () => {
    const report = async () =>
      (await t.post('/api/v1/incidents').send(incidentBody()).expect(acknowledged(201))).body as {
        id: string;
        position: string;
      };
    // Another console, there all along, shows when a burst has gone out (a fixed pause could end before it on a loaded
    // machine, and the missed delta would then still be waiting for its burst).
    const watching = await t.socket();
    const observer = recordDeltas(watching);
    const seenLast = await report();
    // Missed while the console was away; its burst has gone out.
    const missed = await report();
    await until(() => observer.some((d) => incidentOf(d) === missed.id && d.name === 'incident.changed'), 10_000);
    const socket = await t.socket();
    const seen = recordDeltas(socket);
    // Made while the console is connected: it waits for its burst while the resume arrives.
    const queued = await report();
    const ack = (await socket.timeout(5_000).emitWithAck('resume', { since: seenLast.position })) as Ack;
    expect(ack).toMatchObject({ ok: true, delivered: 2 });
    await until(() => seen.some((d) => incidentOf(d) === queued.id && d.name === 'incident.changed'), 5_000);
    await pause(300);
    expect(seen.filter((d) => d.name === 'incident.changed').map(incidentOf)).toEqual([missed.id, queued.id]);
    watching.close();
    socket.close();
  });
});
