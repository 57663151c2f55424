// Over 300 lines on purpose: the watch's whole day (shifts, handover, roll calls) against one started app.
import { CommandExecutor } from '../../libs/event-sourcing/src';
import { DutyQueries, ROLL_CALL_OPTIONS, RollCallScheduler } from '../../libs/duty/src';
import { ManualClock } from '../../libs/shared/src';
import { runningDrill } from '../support/running-drill';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { incidentBody, waitForMessage } from '../support/incident-fixtures';

const HOUR = 3_600_000;
const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
const shiftBody = (jurisdiction: string, startsAt: string, endsAt: string) => ({
  jurisdiction,
  leader: { name: '李带班', phone: '0955-7000001' },
  officers: [{ name: '王值班' }, { name: '赵值班', phone: '0955-7000002' }],
  startsAt,
  endsAt,
});

interface Pushed {
  position: string;
  data: { rollCallId: string; target: string; status: string; message: string };
}

describe('duty watch (值班): shifts, handovers, roll calls', () => {
  let t: TestApp;
  let countyOfficer: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ ROLL_CALL_TICK_MS: '100' });
    countyOfficer = await t.user(['duty_officer'], '640521');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('schedules shifts, refuses overlaps and bad periods, and shows who is on duty now in the jurisdiction zone', async () => {
    const day = await t
      .post('/api/v1/duty/shifts')
      .send(shiftBody('640502', iso(-HOUR), iso(11 * HOUR)))
      .expect(201);
    expect(day.body).toMatchObject({
      jurisdiction: '640502',
      jurisdictionName: '沙坡头区',
      status: 'on_duty',
      statusLabel: '在岗值班',
      leader: { name: '李带班' },
      handedOver: false,
    });
    expect(day.body.startsAt).toMatch(/\+08:00$/);
    await t
      .post('/api/v1/duty/shifts')
      .send(shiftBody('640502', iso(11 * HOUR), iso(23 * HOUR)))
      .expect(201);

    const overlap = await t
      .post('/api/v1/duty/shifts')
      .send(shiftBody('640502', iso(10 * HOUR), iso(13 * HOUR)))
      .expect(409);
    expect(overlap.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(overlap.body).toMatchObject({ code: 'SHIFT_OVERLAP' });
    expect(
      (
        await t
          .post('/api/v1/duty/shifts')
          .send(shiftBody('640502', iso(30 * HOUR), iso(79 * HOUR)))
          .expect(422)
      ).body.code,
    ).toBe('INVALID_SHIFT_PERIOD');
    expect(
      (
        await t
          .post('/api/v1/duty/shifts')
          .send(shiftBody('640502', iso(30 * HOUR), iso(29 * HOUR)))
          .expect(422)
      ).body.code,
    ).toBe('INVALID_SHIFT_PERIOD');
    await t
      .post('/api/v1/duty/shifts')
      .send(shiftBody('640502', '2026-11-22T08:00:00', '2026-11-22T20:00:00'))
      .expect(400);
    await t
      .post('/api/v1/duty/shifts')
      .send(shiftBody('999999', iso(30 * HOUR), iso(40 * HOUR)))
      .expect(400);
    const otherCounty = await t.user(['commander'], '640522');
    expect(
      (
        await t
          .post('/api/v1/duty/shifts', otherCounty.token)
          .send(shiftBody('640502', iso(30 * HOUR), iso(40 * HOUR)))
          .expect(403)
      ).body.code,
    ).toBe('OUTSIDE_JURISDICTION');

    const current = await t.get('/api/v1/duty/current').query({ jurisdiction: '640502' }).expect(200);
    expect(current.body.find((c: { jurisdiction: string }) => c.jurisdiction === '640502').shift.id).toBe(day.body.id);
    expect(current.body.find((c: { jurisdiction: string }) => c.jurisdiction === '640502100').shift).toBeNull();
    const listed = await t
      .get('/api/v1/duty/shifts')
      .query({ jurisdiction: '640502', from: iso(-2 * HOUR), to: iso(48 * HOUR) })
      .expect(200);
    expect(listed.body).toHaveLength(2);
    // Another county sees nothing of this watch.
    const outside = await t.get('/api/v1/duty/current', otherCounty.token).expect(200);
    expect(outside.body.map((c: { jurisdiction: string }) => c.jurisdiction)).not.toContain('640502');
  });

  it('a handover records both shifts, the note and a summary with the open incident and its pending deadline (drills excluded)', async () => {
    const day = await t
      .post('/api/v1/duty/shifts')
      .send(shiftBody('640521', iso(-2 * HOUR), iso(10 * HOUR)))
      .expect(201);
    const night = await t
      .post('/api/v1/duty/shifts')
      .send(shiftBody('640521', iso(10 * HOUR), iso(22 * HOUR)))
      .expect(201);
    const incident = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ jurisdiction: '640521', occurredAt: iso(-10 * 60_000) }))
        .expect(201)
    ).body;
    const drill = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ jurisdiction: '640521', occurredAt: iso(-10 * 60_000), drillId: await runningDrill(t) }))
        .expect(201)
    ).body;
    const elsewhere = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ jurisdiction: '640522' }))
        .expect(201)
    ).body;

    const handover = await t
      .post('/api/v1/duty/handovers', countyOfficer.token)
      .send({ jurisdiction: '640521', note: '园区泄漏事故仍在处置，注意续报' })
      .expect(201);
    expect(handover.body).toMatchObject({
      fromShiftId: day.body.id,
      toShiftId: night.body.id,
      note: '园区泄漏事故仍在处置，注意续报',
      handedOverBy: { userId: countyOfficer.id },
    });
    const { summary } = handover.body;
    expect(summary.openIncidents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: incident.id, title: incident.title, grade: incident.grade, responseLevel: null }),
      ]),
    );
    expect(summary.openIncidents.map((i: { id: string }) => i.id)).not.toContain(elsewhere.id);
    expect(summary.pendingDeadlines).toEqual(
      expect.arrayContaining([expect.objectContaining({ incidentId: incident.id, level: 'city', overdue: false })]),
    );
    expect(summary.pendingDeadlines[0].dueAt).toMatch(/\+08:00$/);
    expect(summary.pendingDeadlines.map((d: { incidentId: string }) => d.incidentId)).not.toContain(drill.id);

    // The summary is what was handed over: it is in the stored event, not recomputed when read.
    const [stored] = await t.sql<{ data: { summary: { openIncidents: { id: string }[] } } }>(
      `select data from es_events where stream_name = 'duty-640521' and event_type = 'ShiftHandedOver'`,
    );
    expect(stored!.data.summary.openIncidents.map((i) => i.id)).toContain(incident.id);
    const listed = await t
      .get('/api/v1/duty/handovers', countyOfficer.token)
      .query({ jurisdiction: '640521' })
      .expect(200);
    expect(listed.body[0]).toMatchObject({ id: handover.body.id, label: '交接班' });
    expect(
      (
        await t
          .post('/api/v1/duty/handovers', countyOfficer.token)
          .send({ jurisdiction: '640521', note: '再交一次' })
          .expect(409)
      ).body.code,
    ).toBe('SHIFT_ALREADY_HANDED_OVER');
    expect(
      (
        await t
          .post('/api/v1/duty/handovers', countyOfficer.token)
          .send({ jurisdiction: '640522', note: '越权' })
          .expect(403)
      ).body.code,
    ).toBe('OUTSIDE_JURISDICTION');
  });

  it('a roll call reaches the called consoles, is answered by one county and recorded as missed for the other', async () => {
    const otherOfficer = await t.user(['duty_officer'], '640522');
    const citySocket = await t.socket();
    const countySocket = await t.socket(countyOfficer.token);
    const issuedToCounty = waitForMessage<Pushed>(countySocket, 'rollcall.issued');
    const issued = await t
      .post('/api/v1/duty/roll-calls')
      .send({ jurisdictions: ['640521', '640522'], ackWithinMinutes: 1, message: '夜间在岗点名' })
      .expect(201);
    expect(issued.body).toMatchObject({
      jurisdiction: '640500',
      ackWithinMinutes: 1,
      targets: [
        { jurisdiction: '640521', status: 'pending' },
        { jurisdiction: '640522', status: 'pending' },
      ],
    });
    const pushed = await issuedToCounty;
    expect(pushed.data).toMatchObject({ rollCallId: issued.body.id, target: '640521', status: 'pending' });
    expect(pushed.data.message).toContain('中卫市点名');

    // The calling level may not answer for the watch it checks; a watch that was not called does not see it.
    expect(
      (
        await t
          .post(`/api/v1/duty/roll-calls/${issued.body.id}/acknowledge`)
          .send({ jurisdiction: '640521' })
          .expect(403)
      ).body.code,
    ).toBe('ROLL_CALL_ANSWER_BY_ISSUER');
    const notCalled = await t.user(['duty_officer'], '640502');
    expect(
      (await t.post(`/api/v1/duty/roll-calls/${issued.body.id}/acknowledge`, notCalled.token).send({}).expect(404)).body
        .code,
    ).toBe('ROLL_CALL_NOT_FOUND');

    const answered = await t
      .post(`/api/v1/duty/roll-calls/${issued.body.id}/acknowledge`, countyOfficer.token)
      .send({})
      .expect(200);
    expect(answered.body.targets).toEqual([
      expect.objectContaining({
        jurisdiction: '640521',
        status: 'answered',
        statusLabel: '已应答',
        by: { userId: countyOfficer.id, name: countyOfficer.username },
      }),
    ]);
    expect(answered.body.targets[0].secondsTaken).toBeGreaterThanOrEqual(0);
    expect(
      (await t.post(`/api/v1/duty/roll-calls/${issued.body.id}/acknowledge`, countyOfficer.token).send({}).expect(409))
        .body.code,
    ).toBe('ROLL_CALL_ALREADY_ANSWERED');

    // The app's own scheduler runs every 100 ms on the real clock: nothing is missed before the deadline.
    await new Promise((r) => setTimeout(r, 300));
    expect(
      (await t.get('/api/v1/duty/roll-calls').expect(200)).body.find((r: { id: string }) => r.id === issued.body.id)
        .targets[1].status,
    ).toBe('pending');

    // Two minutes later (an injected clock), a fresh scheduler — as after a restart — derives the miss from stored state.
    const missedPush = waitForMessage<Pushed>(citySocket, 'rollcall.missed');
    const later = new ManualClock(new Date(Date.now() + 2 * 60_000));
    const scheduler = new RollCallScheduler(
      t.app.get(CommandExecutor),
      t.app.get(DutyQueries),
      later,
      t.app.get(ROLL_CALL_OPTIONS),
    );
    expect((await scheduler.tick()).filter((m) => m.rollCallId === issued.body.id)).toEqual([
      { rollCallId: issued.body.id, jurisdiction: '640522' },
    ]);
    expect((await missedPush).data).toMatchObject({ rollCallId: issued.body.id, target: '640522', status: 'missed' });
    expect((await scheduler.tick()).filter((m) => m.rollCallId === issued.body.id)).toEqual([]);
    const events = await t.sql<{ event_type: string }>(
      `select event_type from es_events where stream_name = $1 order by stream_revision`,
      [`rollcall-${issued.body.id}`],
    );
    expect(events.map((e) => e.event_type)).toEqual(['RollCallIssued', 'RollCallAcknowledged', 'RollCallMissed']);

    const late = await t
      .post(`/api/v1/duty/roll-calls/${issued.body.id}/acknowledge`, otherOfficer.token)
      .send({})
      .expect(409);
    expect(late.body.code).toBe('ROLL_CALL_CLOSED');
    const view = (await t.get('/api/v1/duty/roll-calls').query({ jurisdiction: '640500' }).expect(200)).body.find(
      (r: { id: string }) => r.id === issued.body.id,
    );
    expect(view).toMatchObject({
      open: false,
      targets: [
        { jurisdiction: '640521', status: 'answered' },
        { jurisdiction: '640522', status: 'missed', statusLabel: '未应答（漏点）' },
      ],
    });
    // A called county sees its own line, not its neighbour's.
    const seenByCounty = (await t.get('/api/v1/duty/roll-calls', countyOfficer.token).expect(200)).body.find(
      (r: { id: string }) => r.id === issued.body.id,
    );
    expect(seenByCounty.targets.map((x: { jurisdiction: string }) => x.jurisdiction)).toEqual(['640521']);
  });

  it('refuses roll calls to the own jurisdiction or outside it', async () => {
    const county = await t.user(['commander'], '640521');
    expect(
      (
        await t
          .post('/api/v1/duty/roll-calls', county.token)
          .send({ jurisdictions: ['640522'] })
          .expect(403)
      ).body.code,
    ).toBe('OUTSIDE_JURISDICTION');
    expect(
      (
        await t
          .post('/api/v1/duty/roll-calls', county.token)
          .send({ jurisdictions: ['640521'] })
          .expect(422)
      ).body.code,
    ).toBe('INVALID_ROLL_CALL');
    await t
      .post('/api/v1/duty/roll-calls', county.token)
      .send({ jurisdictions: ['640521100'], ackWithinMinutes: 61 })
      .expect(400);
    const ok = await t
      .post('/api/v1/duty/roll-calls', county.token)
      .send({ jurisdictions: ['640521100'] })
      .expect(201);
    expect(ok.body.ackWithinMinutes).toBe(5);
  });

  it('of many concurrent overlapping schedules for one jurisdiction exactly one lands', async () => {
    const startsAt = iso(100 * HOUR);
    const attempts = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        t.post('/api/v1/duty/shifts').send(shiftBody('640572', startsAt, iso((108 + i) * HOUR))),
      ),
    );
    expect(attempts.filter((r) => r.status === 201)).toHaveLength(1);
    expect(attempts.filter((r) => r.status === 409).every((r) => r.body.code === 'SHIFT_OVERLAP')).toBe(true);
    expect(attempts.filter((r) => r.status === 409)).toHaveLength(24);
    const [{ n }] = await t.sql<{ n: number }>(
      `select count(*)::int as n from es_events where stream_name = 'duty-640572'`,
    );
    expect(n).toBe(1);
  });
});
