import type { Socket } from 'socket.io-client';
import { runningDrill } from '../support/running-drill';
import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody, waitForMessage } from '../support/incident-fixtures';
import { until } from '../support/eventually';

interface Pushed {
  position: string;
  data: { id?: string; incidentId?: string; jurisdiction?: string; type?: string };
}

/** Collects every message of `name` a socket receives from now on. */
function record(socket: Socket, name: string): Pushed[] {
  const seen: Pushed[] = [];
  socket.on(name, (m: Pushed) => seen.push(m));
  return seen;
}

describe('Socket.IO /console live feed', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  const report = (overrides: Record<string, unknown> = {}) =>
    t.post('/api/v1/incidents').send(incidentBody(overrides)).expect(201);

  it('pushes incident.changed and timeline.appended with the global position', async () => {
    const socket = await t.socket();
    const changed = waitForMessage<Pushed>(socket, 'incident.changed');
    const appended = waitForMessage<Pushed>(socket, 'timeline.appended');
    const { body } = await report();
    const [c, a] = await Promise.all([changed, appended]);
    expect(c.data.id).toBe(body.id);
    expect(c.position).toBe(body.position);
    expect(a.data).toMatchObject({ incidentId: body.id, type: 'IncidentReported' });
    expect(a.position).toMatch(/^\d+\/\d+$/);
  });

  it('a jurisdiction subscription gets its own and lower jurisdictions only', async () => {
    const county = await t.socket();
    const city = await t.socket();
    expect(await county.emitWithAck('subscribe', { jurisdiction: '640521' })).toMatchObject({ ok: true });
    expect(await city.emitWithAck('subscribe', { jurisdiction: '640500' })).toMatchObject({ ok: true });
    const countySeen = record(county, 'incident.changed');
    const citySeen = record(city, 'incident.changed');
    const { body: inPark } = await report({ jurisdiction: '640571' });
    const { body: inCounty } = await report({ jurisdiction: '640521' });
    await until(() => citySeen.length >= 2 && countySeen.length >= 1);
    expect(citySeen.map((m) => m.data.id)).toEqual([inPark.id, inCounty.id]);
    await new Promise((r) => setTimeout(r, 200));
    expect(countySeen.map((m) => m.data.id)).toEqual([inCounty.id]);
  });

  it('drill incidents reach the drill room, never the real board', async () => {
    const drillId = await runningDrill(t);
    const board = await t.socket();
    const drill = await t.socket();
    await drill.emitWithAck('subscribe', { drillId });
    const boardSeen = record(board, 'incident.changed');
    const drillSeen = record(drill, 'incident.changed');
    const { body } = await report({ drillId });
    const { body: real } = await report();
    await until(() => drillSeen.length >= 1 && boardSeen.some((m) => m.data.id === real.id));
    expect(drillSeen.map((m) => m.data.id)).toEqual([body.id]);
    expect(boardSeen.map((m) => m.data.id)).not.toContain(body.id);
    const list = await t.get('/api/v1/incidents');
    expect(list.body.map((i: { id: string }) => i.id)).not.toContain(body.id);
    const drillList = await t.get('/api/v1/incidents').query({ drillId });
    expect(drillList.body.map((i: { id: string }) => i.id)).toEqual([body.id]);
  });

  it('resume { since } delivers what a console missed while disconnected, in order', async () => {
    const first = await t.socket();
    const pushed = waitForMessage<Pushed>(first, 'incident.changed');
    const { body: before } = await report();
    const seen = await pushed;
    expect(seen.data.id).toBe(before.id);
    first.close();
    const { body: missedA } = await report();
    const { body: missedB } = await t
      .post(`/api/v1/incidents/${before.id}/updates`)
      .send({ measures: '设置警戒区' })
      .expect(200);
    const again = await t.socket();
    const changed = record(again, 'incident.changed');
    const timeline = record(again, 'timeline.appended');
    const ack = await again.emitWithAck('resume', { since: seen.position });
    expect(ack).toMatchObject({ ok: true });
    await until(() => changed.length >= 2 && timeline.length >= 2);
    expect(changed.map((m) => m.data.id)).toEqual([missedA.id, missedB.id]);
    expect(timeline.map((m) => m.data.type)).toEqual(['IncidentReported', 'SituationUpdated']);
    expect(changed.map((m) => m.data.id)).not.toContain(undefined);
  });

  it('refuses a malformed resume or subscribe without disconnecting', async () => {
    const socket = await t.socket();
    expect(await socket.emitWithAck('resume', { since: 'yesterday' })).toMatchObject({ ok: false });
    expect(await socket.emitWithAck('resume', 42)).toMatchObject({ ok: false });
    expect(await socket.emitWithAck('subscribe', { jurisdiction: '000000' })).toMatchObject({ ok: false });
    expect(socket.connected).toBe(true);
  });
});
