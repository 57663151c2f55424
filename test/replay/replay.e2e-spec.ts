import type { Socket } from 'socket.io-client';
import { runningDrill } from '../support/running-drill';
import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody, waitForMessage } from '../support/incident-fixtures';
import { registerTeam, registerWarehouse } from '../support/resource-fixtures';
import { eventually } from '../support/eventually';

interface ReplayEventMessage {
  position: string;
  data: {
    replayId: string;
    index: number;
    seek?: boolean;
    event: { type: string; recordedAt: string; position?: string };
    actor: { name: string; kind: string; via: string | null } | null;
    state: Record<string, unknown> | null;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Replays run on wall-clock time: give them a little longer than the default. */
const until = <T>(probe: () => Promise<T | undefined>): Promise<T> => eventually(probe, 8000);
/** Collects a replay's `replay.event` messages until `replay.finished`. */
function collect(socket: Socket): { events: ReplayEventMessage[]; finished: Promise<unknown> } {
  const events: ReplayEventMessage[] = [];
  socket.on('replay.event', (m: ReplayEventMessage) => events.push(m));
  return { events, finished: waitForMessage(socket, 'replay.finished', 15_000) };
}

describe('replay (复盘回放): state at a moment, and replays over Socket.IO', () => {
  let t: TestApp;
  let incidentId: string;
  /** The board view after each step, with an instant taken right after it was read. */
  const steps: { name: string; at: string; view: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.user(['admin']);
    const record = async (name: string, ready: (view: Record<string, unknown>) => boolean) => {
      const view = await until(async () => {
        const r = await t.get(`/api/v1/incidents/${incidentId}`);
        return r.status === 200 && ready(r.body) ? (r.body as Record<string, unknown>) : undefined;
      });
      steps.push({ name, at: new Date().toISOString(), view });
      await sleep(30); // the next step's events are recorded strictly later than this instant
    };

    // 1. 接报
    incidentId = (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body.id;
    await record('reported', () => true);
    // 2. 续报: twelve deaths raise the grade
    await t
      .post(`/api/v1/incidents/${incidentId}/updates`)
      .send({ casualties: { deaths: 12 } })
      .expect(200);
    await record('grade raised', (v) => v.grade !== 'general' && (v.casualties as { deaths: number }).deaths === 12);
    // 3. 响应级别
    await t
      .post(`/api/v1/incidents/${incidentId}/response-level`)
      .send({ level: 'II', reason: '复盘测试' })
      .expect(200);
    await record('response level', (v) => v.responseLevel === 'II');
    // 4. 调派队伍 (the dispatch process manager records it on the incident)
    const team = await registerTeam(t, admin.token, {
      name: '复盘测试队',
      specialties: ['fire'],
      base: { address: '测试', lat: 37.5, lng: 105.2 },
      jurisdiction: '640500',
    });
    await t.post(`/api/v1/teams/${team}/dispatch`).send({ incidentId }).expect(201);
    await record('team dispatched', (v) => (v.assignedTeams as unknown[]).length === 1);
    // 5. 物资调拨 (a warehouse event the board shows)
    const warehouse = await registerWarehouse(
      t,
      admin.token,
      { name: '复盘测试库', location: { address: '测试', lat: 37.5, lng: 105.2 } },
      [{ materialCode: '1010101', quantity: 10 }],
    );
    await t
      .post(`/api/v1/warehouses/${warehouse}/allocations`)
      .send({ incidentId, items: [{ materialCode: '1010101', quantity: 2 }] })
      .expect(201);
    await record('allocated', (v) => (v.allocations as unknown[]).length === 1);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('GET /incidents/{id}/state?at= equals what the board showed at each recorded moment', async () => {
    expect(steps.map((s) => s.name)).toHaveLength(5);
    for (const step of steps) {
      const { body } = await t
        .get(`/api/v1/incidents/${incidentId}/state?at=${encodeURIComponent(step.at)}`)
        .expect(200);
      expect({ step: step.name, state: body }).toEqual({ step: step.name, state: step.view });
    }
    // An offset other than Z names the same instant.
    const shanghai = new Date(Date.parse(steps[2]!.at) + 8 * 3_600_000).toISOString().replace('Z', '+08:00');
    expect(
      (await t.get(`/api/v1/incidents/${incidentId}/state?at=${encodeURIComponent(shanghai)}`).expect(200)).body,
    ).toEqual(steps[2]!.view);
  });

  it('state before the report is 422, outside the jurisdiction 404, a bad instant 400', async () => {
    const before = await t.get(
      `/api/v1/incidents/${incidentId}/state?at=${encodeURIComponent('2020-01-01T00:00:00+08:00')}`,
    );
    expect(before.status).toBe(422);
    expect(before.body).toMatchObject({ code: 'BEFORE_REPORT' });
    const county = await t.user(['commander'], '640521');
    const outside = await t.get(
      `/api/v1/incidents/${incidentId}/state?at=${encodeURIComponent(steps[0]!.at)}`,
      county.token,
    );
    expect(outside.status).toBe(404);
    expect(outside.body).toMatchObject({ code: 'INCIDENT_NOT_FOUND' });
    await t.post('/api/v1/replays', county.token).send({ incidentId, speed: 10 }).expect(404);
    await t.get(`/api/v1/incidents/${incidentId}/state?at=yesterday`).expect(400);
    await t.get(`/api/v1/incidents/${incidentId}/state?at=2026-11-22T13:40:00`).expect(400);
  });

  it('two replays at ×100 yield the same sequence of states, ending in the live state', async () => {
    const runs: ReplayEventMessage[][] = [];
    for (let i = 0; i < 2; i++) {
      const socket = await t.socket();
      const { replayId } = (await t.post('/api/v1/replays').send({ incidentId, speed: 100 }).expect(201)).body;
      const { events, finished } = collect(socket);
      expect(await socket.emitWithAck('subscribe', { replayId })).toMatchObject({
        ok: true,
        rooms: [`replay:${replayId}`],
      });
      await finished;
      runs.push(events);
      expect((await t.get(`/api/v1/replays/${replayId}`).expect(200)).body).toMatchObject({
        replayId,
        status: 'finished',
        speed: 100,
        emitted: events.length,
        total: events.length,
      });
    }
    const [first, second] = runs as [ReplayEventMessage[], ReplayEventMessage[]];
    expect(first.map((m) => m.data.index)).toEqual(first.map((_, i) => i));
    expect(second.map((m) => [m.position, m.data.event.type, m.data.state])).toEqual(
      first.map((m) => [m.position, m.data.event.type, m.data.state]),
    );
    expect(first.map((m) => m.data.event.type)).toEqual(
      expect.arrayContaining([
        'IncidentReported',
        'AccidentGradeChanged',
        'ResponseLevelSet',
        'TeamAssigned',
        'StockAllocated',
      ]),
    );
    // Original order: positions ascend; and each recorded step's view is a state of the sequence.
    const positions = first.map((m) => m.position.split('/').map(BigInt));
    for (let i = 1; i < positions.length; i++)
      expect(
        positions[i]![0]! > positions[i - 1]![0]! ||
          (positions[i]![0] === positions[i - 1]![0] && positions[i]![1]! > positions[i - 1]![1]!),
      ).toBe(true);
    for (const step of steps) expect(first.map((m) => m.data.state)).toContainEqual(step.view);
    const live = (await t.get(`/api/v1/incidents/${incidentId}`).expect(200)).body;
    expect(first[first.length - 1]!.data.state).toEqual(live);
    // Each event credits the same person (by display name) as the incident timeline's line for it.
    const timeline = (await t.get(`/api/v1/incidents/${incidentId}/timeline`).expect(200)).body as {
      position: string;
      actor: string;
      actorKind: string;
      via: string | null;
    }[];
    expect(timeline.length).toBeGreaterThanOrEqual(5);
    for (const line of timeline) {
      const replayed = first.find((m) => m.position === line.position);
      expect(replayed?.data.actor).toEqual({ name: line.actor, kind: line.actorKind, via: line.via });
    }
    expect(first.every((m) => m.data.actor !== null && m.data.actor.name !== '')).toBe(true);
  });

  it('pause, seek and resume; a late subscriber gets the replay so far; strangers cannot join', async () => {
    const { replayId } = (await t.post('/api/v1/replays').send({ incidentId, speed: 1 }).expect(201)).body;
    const paused = (await t.post(`/api/v1/replays/${replayId}/pause`).send({}).expect(200)).body;
    expect(paused).toMatchObject({ status: 'paused', speed: 1 });
    await sleep(300);
    const still = (await t.get(`/api/v1/replays/${replayId}`).expect(200)).body;
    expect(still).toMatchObject({ status: 'paused', emitted: paused.emitted, at: paused.at });

    const socket = await t.socket();
    const seen: ReplayEventMessage[] = [];
    socket.on('replay.event', (m: ReplayEventMessage) => seen.push(m));
    await socket.emitWithAck('subscribe', { replayId });
    expect(seen.length).toBe(paused.emitted); // the backlog: what was re-emitted before the join

    // Seek to the moment of step 3: the state re-sent is the board's view then.
    const seekEvent = waitForMessage<ReplayEventMessage>(socket, 'replay.event');
    const sought = (await t.post(`/api/v1/replays/${replayId}/seek`).send({ at: steps[2]!.at }).expect(200)).body;
    expect(sought).toMatchObject({ status: 'paused', at: steps[2]!.at });
    const message = await seekEvent;
    expect(message.data.seek).toBe(true);
    expect(message.data.state).toEqual(steps[2]!.view);
    const outside = await t.post(`/api/v1/replays/${replayId}/seek`).send({ at: '2020-01-01T00:00:00Z' });
    expect(outside.status).toBe(422);
    expect(outside.body).toMatchObject({ code: 'SEEK_OUT_OF_RANGE' });

    // The speed changes while paused (×1 → ×100) and stays paused; a speed outside ×1–×100 is refused.
    expect((await t.post(`/api/v1/replays/${replayId}/speed`).send({ speed: 100 }).expect(200)).body).toMatchObject({
      status: 'paused',
      speed: 100,
      at: steps[2]!.at,
    });
    expect((await t.post(`/api/v1/replays/${replayId}/speed`).send({ speed: 101 })).status).toBe(400);
    expect((await t.get(`/api/v1/replays/${replayId}`).expect(200)).body).toMatchObject({ speed: 100 });

    // Resume: the rest follows, and the replay finishes in the live state.
    const finished = waitForMessage(socket, 'replay.finished', 15_000);
    expect((await t.post(`/api/v1/replays/${replayId}/resume`).send({}).expect(200)).body).toMatchObject({
      status: 'running',
    });
    await finished;
    expect((await t.get(`/api/v1/replays/${replayId}`).expect(200)).body).toMatchObject({ status: 'finished' });
    expect(seen[seen.length - 1]!.data.state).toEqual(
      (await t.get(`/api/v1/incidents/${incidentId}`).expect(200)).body,
    );

    // A commander of another county neither sees nor joins it.
    const county = await t.user(['commander'], '640521');
    await t.get(`/api/v1/replays/${replayId}`, county.token).expect(404);
    const stranger = await t.socket(county.token);
    expect(await stranger.emitWithAck('subscribe', { replayId })).toMatchObject({ ok: false });
    // A city viewer (its jurisdictions cover the incident) may follow, but not steer.
    const viewer = await t.user(['viewer']);
    expect(await (await t.socket(viewer.token)).emitWithAck('subscribe', { replayId })).toMatchObject({ ok: true });
    await t.post(`/api/v1/replays/${replayId}/pause`, viewer.token).send({}).expect(403);
    await t.post(`/api/v1/replays/${replayId}/speed`, viewer.token).send({ speed: 5 }).expect(403);
  });

  it('a drill replay re-emits every incident of the drill in log order', async () => {
    const drillId = await runningDrill(t);
    const a = (await t.post('/api/v1/incidents').send(incidentBody({ drillId })).expect(201)).body.id;
    const b = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ drillId, jurisdiction: '640521' }))
        .expect(201)
    ).body.id;
    await t
      .post(`/api/v1/incidents/${a}/updates`)
      .send({ casualties: { deaths: 12 } })
      .expect(200);
    const live = async (id: string) =>
      until(async () => {
        const r = await t.get(`/api/v1/incidents/${id}`);
        return r.status === 200 && (id !== a || r.body.casualties.deaths === 12) ? r.body : undefined;
      });
    const [liveA, liveB] = [await live(a), await live(b)];
    const socket = await t.socket();
    const { replayId } = (await t.post('/api/v1/replays').send({ drillId, speed: 100 }).expect(201)).body;
    const { events, finished } = collect(socket);
    expect(await socket.emitWithAck('subscribe', { replayId })).toMatchObject({ ok: true });
    await finished;
    // The drill's own events come first (it was planned and started before its incidents), without an incident state.
    expect(events.slice(0, 2).map((m) => (m.data.event as { type: string }).type)).toEqual([
      'DrillPlanned',
      'DrillStarted',
    ]);
    const ofIncidents = events.filter((m) => m.data.state !== null);
    const ids = ofIncidents.map((m) => (m.data.state as { id: string }).id);
    expect(ids[0]).toBe(a);
    expect(ids).toContain(b);
    const lastOf = (id: string) =>
      [...ofIncidents].reverse().find((m) => (m.data.state as { id: string }).id === id)!.data.state;
    expect(lastOf(a)).toEqual(liveA);
    expect(lastOf(b)).toEqual(liveB);
    // A county commander sees only its own incident of the drill; a stranger to every part of it gets 404.
    const county = await t.user(['commander'], '640521');
    await t.post('/api/v1/replays', county.token).send({ drillId, speed: 100 }).expect(201);
    const other = await t.user(['commander'], '640522');
    expect((await t.post('/api/v1/replays', other.token).send({ drillId, speed: 100 })).body).toMatchObject({
      status: 404,
      code: 'DRILL_NOT_FOUND',
    });
  });

  it('refuses a bad speed or an ambiguous source', async () => {
    await t.post('/api/v1/replays').send({ incidentId, speed: 0 }).expect(400);
    await t.post('/api/v1/replays').send({ incidentId, speed: 101 }).expect(400);
    await t.post('/api/v1/replays').send({ speed: 10 }).expect(400);
    await t.post('/api/v1/replays').send({ incidentId, drillId: incidentId, speed: 10 }).expect(400);
  });
});
