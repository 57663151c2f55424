import { randomUUID } from 'node:crypto';
import type { AlarmView } from '../../libs/alarms/src/contract';
import { ManualClock } from '../../libs/shared/src';
import { runningDrill } from '../support/running-drill';
import { startTestApp, type TestApp } from '../support/test-app';
import { alarmsOf, overdueIncidentBody, tickAlarms } from '../support/alarm-fixtures';

const MIN = 60_000;
interface Delta {
  position: string;
  data: AlarmView;
}

/**
 * The alarm centre over HTTP and Socket.IO, from real causes: an incident whose report to the city goes overdue,
 * raised by the alarm watch (ticked by hand on a manual clock), acknowledged by a named person, escalated when nobody
 * does, resolved when the report is made; scoped to the jurisdiction; one alarm however often it is raised.
 */
describe('the alarm centre', () => {
  const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
  const clock = new ManualClock(t0);
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { clock });
  });
  afterAll(() => t?.close());

  /** The report-to-the-city alarm of a county incident (the county bureau receives, the city is owed the report). */
  const cityReportAlarm = (list: AlarmView[], severity: 'critical' | 'major') =>
    list.find((a) => a.severity === severity && a.title.startsWith('向设区的市级上报'));
  const alarmEvents = (id: string) =>
    t.sql<{ event_type: string; data: Record<string, unknown> }>(
      `select event_type, data from es_events where stream_name = $1 order by stream_revision`,
      [`alarm-${id}`],
    );

  it('raises a deadline alarm from an incident whose report is overdue, pushes it, sorts it first; drills never alarm', async () => {
    const socket = await t.socket();
    const raised: Delta[] = [];
    socket.on('alarm.raised', (m: Delta) => raised.push(m));
    const late = (
      await t
        .post('/api/v1/incidents')
        .send(overdueIncidentBody('640521', 20, t0.getTime()))
        .expect(201)
    ).body;
    const soon = (
      await t
        .post('/api/v1/incidents')
        .send(overdueIncidentBody('640521', -5, t0.getTime()))
        .expect(201)
    ).body;
    const drill = (
      await t
        .post('/api/v1/incidents')
        .send({ ...overdueIncidentBody('640521', 20, t0.getTime()), drillId: await runningDrill(t) })
        .expect(201)
    ).body;
    await tickAlarms(t);

    const overdue = cityReportAlarm(await alarmsOf(t, late.id), 'critical')!;
    expect(overdue).toMatchObject({
      kind: 'deadline',
      kindLabel: '报告时限',
      status: 'raised',
      statusLabel: '未确认',
      jurisdiction: '640521',
      jurisdictionName: '中宁县',
      subject: { type: 'incident', id: late.id },
      acknowledgedBy: null,
      escalation: { level: 0 },
    });
    expect(overdue.message).toContain(late.title);
    expect(overdue.message).not.toMatch(/640521|city\b/);
    const due = cityReportAlarm(await alarmsOf(t, soon.id), 'major')!;
    expect(due.title).toBe('向设区的市级上报时限将至');
    expect(await alarmsOf(t, drill.id)).toEqual([]);

    // Urgency: every overdue deadline before every due one; the list is bounded and unacknowledged first.
    const list = (await t.get('/api/v1/alarms?status=raised').expect(200)).body as AlarmView[];
    expect(list.length).toBeLessThanOrEqual(200);
    const rank = (a: AlarmView) => (a.kind === 'deadline' ? (a.severity === 'critical' ? 0 : 1) : 2);
    expect(list.map(rank)).toEqual([...list.map(rank)].sort());
    expect(list.findIndex((a) => a.id === overdue.id)).toBeLessThan(list.findIndex((a) => a.id === due.id));

    for (const deadline = Date.now() + 5000; !raised.some((m) => m.data.id === overdue.id) && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 25));
    const pushed = raised.find((m) => m.data.id === overdue.id)!;
    expect(pushed.data).toMatchObject({ id: overdue.id, status: 'raised', title: overdue.title });
    expect(pushed.position).toBe(pushed.data.position);
    expect((await t.get('/api/v1/alarms?kind=deadline&status=acknowledged').expect(200)).body).toEqual([]);
  });

  it('acknowledges by name with a note kept as text; twice is the same answer; a race with If-Match stores one', async () => {
    const incident = (
      await t
        .post('/api/v1/incidents')
        .send(overdueIncidentBody('640521', 30, clock.now().getTime()))
        .expect(201)
    ).body;
    await tickAlarms(t);
    const alarm = cityReportAlarm(await alarmsOf(t, incident.id), 'critical')!;
    const duty = await t.user(['duty_officer'], '640521');
    const note = '<script>alert(1)</script> 已电话催报';
    const socket = await t.socket();
    const changed: Delta[] = [];
    socket.on('alarm.changed', (m: Delta) => changed.push(m));

    // Two consoles acknowledge the same revision at once: one wins, the other is told the alarm moved on.
    const [a, b] = await Promise.all(
      [duty.token, t.commander.token].map((token) =>
        t.post(`/api/v1/alarms/${alarm.id}/acknowledge`, token).set('If-Match', String(alarm.revision)).send({ note }),
      ),
    );
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const loser = a.status === 412 ? a : b;
    expect(loser.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(loser.body.code).toBe('STALE_REVISION');
    expect((await alarmEvents(alarm.id)).map((e) => e.event_type)).toEqual(['AlarmRaised', 'AlarmAcknowledged']);

    const winner = a.status === 200 ? a : b;
    expect(winner.headers['content-type']).toMatch(/^application\/json/);
    expect(winner.body).toMatchObject({ status: 'acknowledged', acknowledgementNote: note });
    expect(
      ['值班员', duty.username, t.commander.username].some((n) => winner.body.acknowledgedBy.name.includes(n)),
    ).toBe(true);
    expect(winner.body.acknowledgedAt).toBeTruthy();

    // A second acknowledgement (no If-Match) appends nothing and answers the first one's record.
    const again = await t
      .post(`/api/v1/alarms/${alarm.id}/acknowledge`, duty.token)
      .send({ note: '第二次' })
      .expect(200);
    expect(again.body).toMatchObject({ status: 'acknowledged', acknowledgementNote: note });
    expect(again.body.acknowledgedBy).toEqual(winner.body.acknowledgedBy);
    expect(await alarmEvents(alarm.id)).toHaveLength(2);

    const shown = (await t.get(`/api/v1/alarms/${alarm.id}`).expect(200)).body as AlarmView;
    expect(shown.acknowledgementNote).toBe(note);
    for (const deadline = Date.now() + 5000; !changed.some((m) => m.data.id === alarm.id) && Date.now() < deadline;)
      await new Promise((r) => setTimeout(r, 25));
    expect(changed.find((m) => m.data.id === alarm.id)!.data).toMatchObject({ status: 'acknowledged' });
    const unacknowledged = (await t.get('/api/v1/alarms?status=raised').expect(200)).body as AlarmView[];
    expect(unacknowledged.map((x) => x.id)).not.toContain(alarm.id);
  });

  it('another county sees nothing: 404 for its reads and its acknowledgement; forged ids 404, malformed 400', async () => {
    const incident = (
      await t
        .post('/api/v1/incidents')
        .send(overdueIncidentBody('640521', 40, clock.now().getTime()))
        .expect(201)
    ).body;
    await tickAlarms(t);
    const alarm = cityReportAlarm(await alarmsOf(t, incident.id), 'critical')!;
    const haiyuan = await t.user(['commander'], '640522');
    const list = (await t.get('/api/v1/alarms', haiyuan.token).expect(200)).body as AlarmView[];
    expect(list.map((a) => a.id)).not.toContain(alarm.id);
    expect(list.every((a) => a.jurisdiction === '640522')).toBe(true);
    const read = await t.get(`/api/v1/alarms/${alarm.id}`, haiyuan.token).expect(404);
    expect(read.body).toMatchObject({ code: 'ALARM_NOT_FOUND', detail: '告警不存在' });
    const ack = await t.post(`/api/v1/alarms/${alarm.id}/acknowledge`, haiyuan.token).send({}).expect(404);
    expect(ack.body.code).toBe('ALARM_NOT_FOUND');
    expect(await alarmEvents(alarm.id)).toHaveLength(1);
    // Asking for a jurisdiction outside one's own lists nothing from it.
    expect((await t.get('/api/v1/alarms?jurisdiction=640521', haiyuan.token).expect(200)).body).toEqual([]);

    const forged = randomUUID();
    await t.get(`/api/v1/alarms/${forged}`).expect(404);
    expect((await t.post(`/api/v1/alarms/${forged}/acknowledge`).send({}).expect(404)).body.code).toBe(
      'ALARM_NOT_FOUND',
    );
    expect(await alarmEvents(forged)).toEqual([]);
    const malformed = await t.get('/api/v1/alarms/not-an-id').expect(400);
    expect(malformed.headers['content-type']).toMatch(/^application\/problem\+json/);
    await t.get('/api/v1/alarms?status=sleeping').expect(400);
    await t
      .post(`/api/v1/alarms/${alarm.id}/acknowledge`)
      .send({ note: 'x'.repeat(501) })
      .expect(400);
    // A viewer reads but may not take an alarm in hand.
    const viewer = await t.user(['viewer'], '640521');
    await t.get(`/api/v1/alarms/${alarm.id}`, viewer.token).expect(200);
    await t.post(`/api/v1/alarms/${alarm.id}/acknowledge`, viewer.token).send({}).expect(403);
  });

  it('escalates an unacknowledged alarm to the shift leader at 5 minutes and the commander at 15, once each', async () => {
    const incident = (
      await t
        .post('/api/v1/incidents')
        .send(overdueIncidentBody('640521', 50, clock.now().getTime()))
        .expect(201)
    ).body;
    await tickAlarms(t);
    const alarm = cityReportAlarm(await alarmsOf(t, incident.id), 'critical')!;
    clock.advance(4 * MIN);
    await tickAlarms(t);
    expect((await t.get(`/api/v1/alarms/${alarm.id}`).expect(200)).body.escalation.level).toBe(0);
    clock.advance(2 * MIN);
    await tickAlarms(t);
    await tickAlarms(t);
    const leader = (await t.get(`/api/v1/alarms/${alarm.id}`).expect(200)).body as AlarmView;
    expect(leader.escalation).toMatchObject({ level: 1, label: '已升级至带班领导' });
    clock.advance(10 * MIN);
    await tickAlarms(t);
    const commander = (await t.get(`/api/v1/alarms/${alarm.id}`).expect(200)).body as AlarmView;
    expect(commander.escalation).toMatchObject({ level: 2, label: '已升级至指挥长' });
    expect((await alarmEvents(alarm.id)).map((e) => e.event_type)).toEqual([
      'AlarmRaised',
      'AlarmEscalated',
      'AlarmEscalated',
    ]);
  });

  it('resolves when the report is made; acknowledging it then is a clear 409', async () => {
    const incident = (
      await t
        .post('/api/v1/incidents')
        .send(overdueIncidentBody('640521', 15, clock.now().getTime()))
        .expect(201)
    ).body;
    await tickAlarms(t);
    const alarm = cityReportAlarm(await alarmsOf(t, incident.id), 'critical')!;
    await t.post(`/api/v1/incidents/${incident.id}/reports`).send({ toLevel: 'city', channel: '电话' }).expect(201);
    await tickAlarms(t);
    const resolved = (await t.get(`/api/v1/alarms/${alarm.id}`).expect(200)).body as AlarmView;
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolution: 'obligation_met',
      resolutionLabel: '已报告或已核销',
    });
    expect(resolved.resolvedAt).toBeTruthy();
    const refused = await t.post(`/api/v1/alarms/${alarm.id}/acknowledge`).send({}).expect(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'ALARM_RESOLVED' });
    expect(refused.body.detail).toMatch(/已解除/);
    const listed = (await t.get('/api/v1/alarms?status=resolved&kind=deadline').expect(200)).body as AlarmView[];
    expect(listed.map((a) => a.id)).toContain(alarm.id);
  });

  it('raises no duplicate after a restart, nor when two watches tick at once', async () => {
    const incident = (
      await t
        .post('/api/v1/incidents')
        .send(overdueIncidentBody('640521', 25, clock.now().getTime()))
        .expect(201)
    ).body;
    await Promise.all([tickAlarms(t), tickAlarms(t)]);
    const before = await alarmsOf(t, incident.id);
    expect(before.length).toBeGreaterThan(0);
    const streams = before.map((a) => `alarm-${a.id}`);
    const count = async () =>
      (await t.sql<{ n: string }>(`select count(*) n from es_events where stream_name = any($1)`, [streams]))[0]!.n;
    const events = await count();
    expect(Number(events)).toBe(before.length);

    // A restart: the same database, a new process with nothing in memory, the same clock.
    await t.close({ keepDatabase: true });
    t = await startTestApp({}, { databaseUrl: t.databaseUrl, clock });
    const steps = await tickAlarms(t);
    expect(steps.filter((s) => s.sourceKey.includes(incident.id) && s.appended)).toEqual([]);
    expect(await count()).toBe(events);
    const after = await alarmsOf(t, incident.id);
    expect(after.map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort());
  });
});
