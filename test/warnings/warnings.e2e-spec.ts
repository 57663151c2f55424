import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { checkCap12 } from '../../libs/warnings/src/testing/cap-conformance';
import { waitForMessage } from '../support/incident-fixtures';
import { runningDrill } from '../support/running-drill';
import { startTestApp, type TestApp } from '../support/test-app';
import { until } from '../support/eventually';

interface Pushed {
  position: string;
  data: { id: string; level: string; status: string; drillId: string | null; messages: { action: string }[] };
}

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const ring = [
  { lat: 37.45, lng: 105.6 },
  { lat: 37.5, lng: 105.6 },
  { lat: 37.5, lng: 105.7 },
  { lat: 37.45, lng: 105.6 },
];
const warningBody = (overrides: Record<string, unknown> = {}) => ({
  level: 'orange',
  hazard: '危险化学品泄漏',
  jurisdiction: '640521',
  area: { description: `中宁县石空工业园区周边 2 公里（测试 ${randomUUID().slice(0, 6)}）`, polygon: ring },
  message: '储罐区氯气泄漏 <立即> 撤离 & 关闭门窗 "勿靠近"',
  instruction: '向上风向撤离',
  effective: hours(-0.1),
  expires: hours(6),
  channels: ['sms', 'loudspeaker'],
  ...overrides,
});

/** Every warning message a socket receives (a push may arrive before the HTTP answer that names the id). */
function collect(socket: Socket): { name: string; data: Pushed['data'] }[] {
  const seen: { name: string; data: Pushed['data'] }[] = [];
  for (const name of ['warning.issued', 'warning.changed'])
    socket.on(name, (m: Pushed) => seen.push({ name, data: m.data }));
  return seen;
}
describe('early warnings (预警) and CAP 1.2', () => {
  let t: TestApp;
  const warningEvents = async () =>
    (await t.sql<{ n: number }>(`select count(*)::int as n from es_events where category = 'warning'`))[0]!.n;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('issue → update → lift over HTTP; the console sees warning.issued then warning.changed; lifted refuses changes', async () => {
    const socket = await t.socket();
    const all = collect(socket);
    const issued = await t.post('/api/v1/warnings').send(warningBody()).expect(201);
    const id: string = issued.body.id;
    const seen = {
      get length() {
        return all.filter((m) => m.data.id === id).length;
      },
      at: (i: number) => all.filter((m) => m.data.id === id)[i],
    };
    expect(issued.body).toMatchObject({
      level: 'orange',
      levelLabel: '橙色预警',
      status: 'active',
      statusLabel: '生效中',
      jurisdictionName: '中宁县',
      revision: 0,
      channelLabels: ['短信', '农村大喇叭'],
    });
    expect(issued.body.messages).toEqual([
      expect.objectContaining({ action: 'issued', actionLabel: '发布', msgType: 'Alert' }),
    ]);
    await until(() => seen.length === 1);
    expect(seen.at(0)).toMatchObject({ name: 'warning.issued', data: { id, level: 'orange' } });

    const updated = await t
      .post(`/api/v1/warnings/${id}/updates`)
      .send({ level: 'red', reason: '泄漏量增大' })
      .expect(200);
    expect(updated.body).toMatchObject({ level: 'red', levelLabel: '红色预警', revision: 1 });
    await until(() => seen.length === 2);
    expect(seen.at(1)).toMatchObject({ name: 'warning.changed', data: { level: 'red' } });

    const lifted = await t.post(`/api/v1/warnings/${id}/lift`).send({ reason: '泄漏已封堵，监测正常' }).expect(200);
    expect(lifted.body).toMatchObject({ status: 'lifted', statusLabel: '已解除', liftReason: '泄漏已封堵，监测正常' });
    expect(lifted.body.messages.map((m: { actionLabel: string }) => m.actionLabel)).toEqual(['发布', '调整', '解除']);
    await until(() => seen.length === 3);
    expect(seen.at(2)).toMatchObject({ name: 'warning.changed', data: { status: 'lifted' } });

    for (const [path, body] of [
      [`/api/v1/warnings/${id}/updates`, { level: 'blue' }],
      [`/api/v1/warnings/${id}/lift`, { reason: '再次解除' }],
    ] as const) {
      const refused = await t.post(path).send(body);
      expect(refused.status).toBe(409);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({ code: 'WARNING_LIFTED' });
    }
    const lists = async (status: string) =>
      (await t.get('/api/v1/warnings').query({ status, jurisdiction: '640521' }).expect(200)).body.map(
        (w: { id: string }) => w.id,
      );
    expect(await lists('lifted')).toContain(id);
    expect(await lists('active')).not.toContain(id);
  });

  it('GET /warnings lists the warnings in force first, the most serious level first, each with its zone', async () => {
    // A jurisdiction no other test warns in, so the list holds exactly these.
    const issue = async (level: string, hazard: string) =>
      (
        await t
          .post('/api/v1/warnings')
          .send(warningBody({ jurisdiction: '640572', level, hazard }))
          .expect(201)
      ).body.id as string;
    const liftedRed = await issue('red', '大风');
    await t.post(`/api/v1/warnings/${liftedRed}/lift`).send({ reason: '风力减弱' }).expect(200);
    const blue = await issue('blue', '道路结冰');
    const red = await issue('red', '暴雪');
    const yellow = await issue('yellow', '寒潮');
    const listed = (await t.get('/api/v1/warnings').query({ jurisdiction: '640572' }).expect(200)).body as {
      id: string;
      timeZone: string;
    }[];
    expect(listed.map((w) => w.id)).toEqual([red, yellow, blue, liftedRed]);
    expect(listed.map((w) => w.timeZone)).toEqual(Array(4).fill('Asia/Shanghai'));
  });

  it('the history names who issued and lifted a warning by their display name, not their sign-in name', async () => {
    const officer = await t.user(['duty_officer'], '640521');
    await t.sql('update users set display_name = $1 where id = $2', ['杨值班', officer.id]);
    const id = (
      await t
        .post('/api/v1/warnings', officer.token)
        .send(warningBody({ jurisdiction: '640521' }))
        .expect(201)
    ).body.id as string;
    await t.post(`/api/v1/warnings/${id}/lift`, officer.token).send({ reason: '风险解除' }).expect(200);
    const messages = async () =>
      ((await t.get(`/api/v1/warnings/${id}`, officer.token).expect(200)).body.messages as { actor: string }[]).map(
        (m) => m.actor,
      );
    await until(async () => (await messages()).length === 2);
    expect(await messages()).toEqual(['杨值班', '杨值班']);
    const listed = (await t.get('/api/v1/warnings', officer.token).query({ status: 'lifted' }).expect(200)).body as {
      id: string;
      messages: { actor: string }[];
    }[];
    expect(listed.find((w) => w.id === id)?.messages.map((m) => m.actor)).toEqual(['杨值班', '杨值班']);
  });

  it('GET /warnings/{id}/cap is a conforming CAP 1.2 document: Alert, then Cancel referencing the Alert after a lift', async () => {
    const { body } = await t.post('/api/v1/warnings').send(warningBody()).expect(201);
    const alert = await t.get(`/api/v1/warnings/${body.id}/cap`).expect(200);
    expect(alert.headers['content-type']).toMatch(/^application\/cap\+xml/);
    const first = checkCap12(alert.text);
    expect(first.problems).toEqual([]);
    expect(first.document.alert).toMatchObject({
      status: 'Actual',
      msgType: 'Alert',
      scope: 'Public',
      identifier: `${body.id}.1`,
    });
    expect(first.document.alert.info[0]).toMatchObject({
      language: 'zh-CN',
      severity: 'Severe',
      event: '危险化学品泄漏',
      category: ['CBRNE'],
    });
    // The message's markup characters are escaped and come back as sent.
    expect(alert.text).toContain('&lt;立即&gt; 撤离 &amp; 关闭门窗 &quot;勿靠近&quot;');
    expect(first.document.alert.info[0]!.description).toBe(warningBody().message);
    expect(first.document.alert.info[0]!.area[0]!.polygon).toEqual(['37.45,105.6 37.5,105.6 37.5,105.7 37.45,105.6']);
    expect(String(first.document.alert.sent)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);

    await t.post(`/api/v1/warnings/${body.id}/lift`).send({ reason: '险情解除' }).expect(200);
    const cancel = checkCap12((await t.get(`/api/v1/warnings/${body.id}/cap`).expect(200)).text);
    expect(cancel.problems).toEqual([]);
    expect(cancel.document.alert).toMatchObject({
      msgType: 'Cancel',
      identifier: `${body.id}.2`,
      references: `${String(first.document.alert.sender)},${body.id}.1,${String(first.document.alert.sent)}`,
    });
  });

  it('bad input is a 400 problem with field errors, and nothing is stored', async () => {
    const before = await warningEvents();
    const cases: [Record<string, unknown>, string][] = [
      [warningBody({ level: 'purple' }), 'level'],
      [warningBody({ expires: hours(-1), effective: hours(1) }), 'expires'],
      [warningBody({ effective: '2026-07-10 10:00' }), 'effective'],
      [warningBody({ jurisdiction: '999999' }), 'jurisdiction'],
      [warningBody({ area: { description: '开口多边形', polygon: ring.slice(0, 3) } }), 'area.polygon'],
      [
        warningBody({
          area: {
            description: '坐标越界',
            polygon: [
              { lat: 95, lng: 105 },
              { lat: 37, lng: 105 },
              { lat: 37, lng: 106 },
              { lat: 95, lng: 105 },
            ],
          },
        }),
        'area.polygon.0.lat',
      ],
      [warningBody({ hazard: '危'.repeat(51) }), 'hazard'],
      [warningBody({ channels: ['carrier_pigeon'] }), 'channels'],
      [warningBody({ drillId: 'not-a-uuid' }), 'drillId'],
      [warningBody({ message: undefined }), 'message'],
    ];
    for (const [body, path] of cases) {
      const response = await t.post('/api/v1/warnings').send(body);
      expect({ path, status: response.status, type: response.headers['content-type'] }).toMatchObject({
        status: 400,
        type: expect.stringMatching(/^application\/problem\+json/),
      });
      expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    }
    const issued = (await t.post('/api/v1/warnings').send(warningBody()).expect(201)).body;
    const stored = await warningEvents();
    expect(stored).toBe(before + 1);
    const badUpdates: [Record<string, unknown>, number][] = [
      [{}, 400],
      [{ expires: hours(-48) }, 400],
      [{ area: { description: 'x', polygon: [ring[0], ring[1], ring[0]] } }, 400],
      [{ hazard: '改灾种' }, 400],
    ];
    for (const [body, status] of badUpdates)
      expect((await t.post(`/api/v1/warnings/${issued.id}/updates`).send(body)).status).toBe(status);
    expect((await t.post(`/api/v1/warnings/${issued.id}/lift`).send({})).status).toBe(400);
    expect(await warningEvents()).toBe(stored);
  });

  it('jurisdictions: a county does not see another county’s or the city’s warning (404), nor issue outside (403)', async () => {
    const haiyuan = await t.user(['commander'], '640522');
    const inZhongning = (await t.post('/api/v1/warnings').send(warningBody()).expect(201)).body.id;
    const cityOnly = (
      await t
        .post('/api/v1/warnings')
        .send(warningBody({ jurisdiction: '640500', hazard: '暴雨', level: 'yellow' }))
        .expect(201)
    ).body.id;
    for (const id of [inZhongning, cityOnly]) {
      for (const path of [`/api/v1/warnings/${id}`, `/api/v1/warnings/${id}/cap`]) {
        const hidden = await t.get(path, haiyuan.token);
        expect(hidden.status).toBe(404);
        expect(hidden.body).toMatchObject({ code: 'WARNING_NOT_FOUND' });
      }
      expect((await t.post(`/api/v1/warnings/${id}/lift`, haiyuan.token).send({ reason: '越权' })).status).toBe(404);
    }
    const listed = (await t.get('/api/v1/warnings', haiyuan.token).expect(200)).body.map((w: { id: string }) => w.id);
    expect(listed).not.toContain(inZhongning);
    expect(listed).not.toContain(cityOnly);
    const outside = await t.post('/api/v1/warnings', haiyuan.token).send(warningBody());
    expect(outside.status).toBe(403);
    expect(outside.body).toMatchObject({ code: 'OUTSIDE_JURISDICTION' });
    const own = await t
      .post('/api/v1/warnings', haiyuan.token)
      .send(warningBody({ jurisdiction: '640522' }))
      .expect(201);
    expect(
      (await t.get('/api/v1/warnings', haiyuan.token).expect(200)).body.map((w: { id: string }) => w.id),
    ).toContain(own.body.id);
  });

  it('drill warnings: drill coordinators issue only those; Exercise in CAP; pushed to the drill room, never the real board', async () => {
    const coordinator = await t.user(['drill_coordinator']);
    const drillId = await runningDrill(t);
    const real = await t.post('/api/v1/warnings', coordinator.token).send(warningBody());
    expect(real.status).toBe(403);
    expect(real.body).toMatchObject({ code: 'FORBIDDEN' });

    const board = await t.socket();
    const boardSeen = collect(board);
    const drillRoom = await t.socket(coordinator.token);
    expect(await drillRoom.emitWithAck('subscribe', { drillId })).toMatchObject({ ok: true });
    const drillSeen = waitForMessage<Pushed>(drillRoom, 'warning.issued');
    const issued = await t.post('/api/v1/warnings', coordinator.token).send(warningBody({ drillId })).expect(201);
    const id: string = issued.body.id;
    expect((await drillSeen).data).toMatchObject({ id, drillId });
    const cap = checkCap12((await t.get(`/api/v1/warnings/${id}/cap`, coordinator.token).expect(200)).text);
    expect(cap.problems).toEqual([]);
    expect(cap.document.alert).toMatchObject({ status: 'Exercise' });

    expect((await t.get('/api/v1/warnings').expect(200)).body.map((w: { id: string }) => w.id)).not.toContain(id);
    expect(
      (await t.get('/api/v1/warnings').query({ drillId }).expect(200)).body.map((w: { id: string }) => w.id),
    ).toEqual([id]);
    await t.post(`/api/v1/warnings/${id}/lift`, coordinator.token).send({ reason: '演练结束' }).expect(200);
    await new Promise((r) => setTimeout(r, 300));
    expect(boardSeen.filter((m) => m.data.id === id)).toEqual([]);
    expect(boardSeen.filter((m) => m.data.drillId !== null)).toEqual([]);
  });

  it('a warning past its expiry reads as expired and refuses changes (409)', async () => {
    const { body } = await t
      .post('/api/v1/warnings')
      .send(warningBody({ effective: hours(-2), expires: new Date(Date.now() + 1500).toISOString() }))
      .expect(201);
    await new Promise((r) => setTimeout(r, 1700));
    expect((await t.get(`/api/v1/warnings/${body.id}`).expect(200)).body).toMatchObject({
      status: 'expired',
      statusLabel: '已过期',
    });
    expect(
      (await t.get('/api/v1/warnings').query({ status: 'expired' }).expect(200)).body.map((w: { id: string }) => w.id),
    ).toContain(body.id);
    const refused = await t.post(`/api/v1/warnings/${body.id}/updates`).send({ level: 'red' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'WARNING_EXPIRED' });
  });
});
