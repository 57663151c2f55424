import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody } from '../support/incident-fixtures';
import { until } from '../support/eventually';

interface Pushed {
  position: string;
  data: Record<string, unknown> & {
    id?: string;
    incidentId?: string;
    type?: string;
    base?: string | null;
    changed?: Record<string, unknown>;
  };
}

/** Every message of `name` a socket receives from now on. */
function record(socket: Socket, name: string): Pushed[] {
  const seen: Pushed[] = [];
  socket.on(name, (m: Pushed) => seen.push(m));
  return seen;
}

/**
 * Realtime contract 2 (docs/api.md §16, ADR 0020): an incident's timeline lines reach only the consoles that opened
 * it, opening is checked against the console's jurisdictions, and `incident.changed` carries what changed.
 */
describe('Socket.IO /console protocol 2: incident rooms and changes', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => (t = await startTestApp()));
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await t?.close();
  });

  /** A console announcing `protocol` (null: announcing none, as a console built for protocol 1 does). */
  const connect = (token = t.commander.token, protocol: unknown = 2): Promise<Socket> =>
    new Promise((resolve, reject) => {
      const socket = io(`${t.baseUrl}/console`, {
        transports: ['websocket'],
        reconnection: false,
        auth: protocol === null ? { token } : { token, protocol },
      });
      sockets.push(socket);
      socket.once('connect', () => resolve(socket));
      socket.once('connect_error', reject);
    });

  const report = async (overrides: Record<string, unknown> = {}) =>
    (await t.post('/api/v1/incidents').send(incidentBody(overrides)).expect(201)).body as {
      id: string;
      position: string;
    };
  const update = async (id: string, measures: string) =>
    (await t.post(`/api/v1/incidents/${id}/updates`).send({ measures }).expect(200)).body as { position: string };
  const linesOf = (seen: Pushed[], incidentId: string) => seen.filter((m) => m.data.incidentId === incidentId);

  it('sends an incident’s timeline lines only to the consoles that opened it; a protocol 1 console still gets all', async () => {
    const watched = await report({ jurisdiction: '640521' });
    const other = await report({ jurisdiction: '640521' });
    const opener = await connect();
    const bystander = await connect();
    const legacy = await connect(t.commander.token, null);
    expect(await opener.emitWithAck('incident.open', { incidentId: watched.id })).toEqual({
      ok: true,
      room: `incident:${watched.id}@640521`,
    });
    expect(await bystander.emitWithAck('incident.open', { incidentId: other.id })).toMatchObject({ ok: true });
    const openerLines = record(opener, 'timeline.appended');
    const bystanderLines = record(bystander, 'timeline.appended');
    const legacyLines = record(legacy, 'timeline.appended');
    const bystanderChanges = record(bystander, 'incident.changed');

    await update(watched.id, '设置警戒区');
    await update(other.id, '疏散周边群众');
    // One projection publishes the lines in position order: once the bystander has the later line (of the incident
    // it opened), the earlier line of the incident it did not open would have come before it.
    await until(() => linesOf(bystanderLines, other.id).length >= 1 && linesOf(openerLines, watched.id).length >= 1);
    await until(() => linesOf(legacyLines, other.id).length >= 1);
    expect(linesOf(openerLines, watched.id).map((m) => m.data.type)).toEqual(['SituationUpdated']);
    expect(linesOf(bystanderLines, watched.id)).toEqual([]);
    expect(linesOf(openerLines, other.id)).toEqual([]);
    expect(linesOf(legacyLines, watched.id).map((m) => m.data.type)).toEqual(['SituationUpdated']);
    // The board still moves for everyone in the jurisdiction.
    await until(() => bystanderChanges.some((m) => m.data.id === watched.id));
  });

  it('stops the lines once the console closes the incident', async () => {
    const first = await report();
    const second = await report();
    const socket = await connect();
    await socket.emitWithAck('incident.open', { incidentId: first.id });
    await socket.emitWithAck('incident.open', { incidentId: second.id });
    const lines = record(socket, 'timeline.appended');
    await update(first.id, '第一次续报');
    await until(() => linesOf(lines, first.id).length === 1);
    expect(await socket.emitWithAck('incident.close', { incidentId: first.id })).toEqual({ ok: true });
    await update(first.id, '关闭后的续报');
    await update(second.id, '另一事件的续报');
    await until(() => linesOf(lines, second.id).length === 1);
    expect(linesOf(lines, first.id)).toHaveLength(1);
  });

  it('refuses to open an incident outside the console’s jurisdictions, a forged id or a malformed one', async () => {
    const elsewhere = await report({ jurisdiction: '640521' });
    const haiyuan = await t.user(['commander'], '640522');
    const county = await connect(haiyuan.token);
    const refused = { ok: false, code: 'INCIDENT_NOT_FOUND', error: '事故不存在或不在本辖区' };
    expect(await county.emitWithAck('incident.open', { incidentId: elsewhere.id })).toEqual(refused);
    expect(await county.emitWithAck('incident.open', { incidentId: randomUUID() })).toEqual(refused);
    expect(await county.emitWithAck('subscribe', { incidentId: elsewhere.id })).toMatchObject({
      ok: false,
      code: 'INCIDENT_NOT_FOUND',
    });
    expect(await county.emitWithAck('incident.open', { incidentId: 'incident-1' })).toMatchObject({
      ok: false,
      code: 'INVALID_MESSAGE',
    });
    expect(county.connected).toBe(true);
    // Nothing of that incident reaches the county: its own incident's line comes, the other county's does not.
    const own = await report({ jurisdiction: '640522' });
    expect(await county.emitWithAck('incident.open', { incidentId: own.id })).toMatchObject({ ok: true });
    const lines = record(county, 'timeline.appended');
    const changes = record(county, 'incident.changed');
    await update(elsewhere.id, '邻县续报');
    await update(own.id, '本县续报');
    await until(() => linesOf(lines, own.id).length === 1 && changes.some((m) => m.data.id === own.id));
    expect(linesOf(lines, elsewhere.id)).toEqual([]);
    expect(changes.map((m) => m.data.id)).not.toContain(elsewhere.id);
  });

  it('incident.changed carries the changed fields with id, revision, position and the base it applies to', async () => {
    const socket = await connect();
    const legacy = await connect(t.commander.token, null);
    const changes = record(socket, 'incident.changed');
    const wholes = record(legacy, 'incident.changed');
    const reported = await report({ title: '部分变更测试' });
    await until(() => changes.some((m) => m.data.id === reported.id));
    const first = changes.find((m) => m.data.id === reported.id)!;
    // The first version the server sends of an incident is whole: nothing earlier to be based on.
    expect(first.data).toMatchObject({ id: reported.id, revision: 0, position: reported.position, base: null });
    expect(first.data.changed).toMatchObject({ title: '部分变更测试', status: 'open' });

    const updated = await update(reported.id, '关闭阀门');
    await until(() => changes.some((m) => m.data.id === reported.id && m.position === updated.position));
    const partial = changes.find((m) => m.position === updated.position)!;
    expect(partial.data).toMatchObject({
      id: reported.id,
      revision: 1,
      position: updated.position,
      base: reported.position,
    });
    expect(partial.data.changed).toMatchObject({ measures: '关闭阀门' });
    expect(Object.keys(partial.data.changed!)).not.toContain('title');
    expect(Object.keys(partial.data.changed!)).not.toContain('location');
    // A protocol 1 console gets the whole view, as before.
    await until(() => wholes.some((m) => m.position === updated.position));
    expect(wholes.find((m) => m.position === updated.position)!.data).toMatchObject({
      id: reported.id,
      title: '部分变更测试',
      measures: '关闭阀门',
      revision: 1,
    });
  });

  it('resume sends protocol 2 consoles whole changes (no base), in order', async () => {
    const first = await connect();
    const seen = record(first, 'incident.changed');
    const before = await report();
    await until(() => seen.some((m) => m.position === before.position));
    first.close();
    const missed = await update(before.id, '断线期间的续报');
    const again = await connect();
    const resumed = record(again, 'incident.changed');
    expect(await again.emitWithAck('resume', { since: before.position })).toMatchObject({ ok: true });
    await until(() => resumed.some((m) => m.position === missed.position));
    const change = resumed.find((m) => m.position === missed.position)!;
    expect(change.data).toMatchObject({ id: before.id, base: null, revision: 1 });
    expect(change.data.changed).toMatchObject({ measures: '断线期间的续报' });
  });

  it('refuses a protocol version it does not speak, saying which it does', async () => {
    const error = await connect(t.commander.token, 99).then(
      () => undefined,
      (e: Error & { data?: { code?: string; supported?: number[] } }) => e,
    );
    expect(error?.data).toEqual({ code: 'PROTOCOL_UNSUPPORTED', supported: [1, 2] });
    expect(error?.message).toContain('协议版本');
  });
});
