import type { AlarmView } from '../../libs/alarms/src/contract';
import { ManualClock } from '../../libs/shared/src';
import { startTestApp, type TestApp } from '../support/test-app';
import { alarmsOf, overdueIncidentBody, tickAlarms } from '../support/alarm-fixtures';

const MIN = 60_000;

/**
 * The watch ends an alarm only when its cause ended, never because its subject fell out of a list: after 响应终止 the
 * owed reports keep alarming (and the 终报 raises its own), and a roll call older than the newest hundred still
 * alarms until it is answered.
 */
describe('the alarm watch ends an alarm only with its cause', () => {
  const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
  const clock = new ManualClock(t0);
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, { clock });
  });
  afterAll(() => t?.close());

  const read = async (id: string) => (await t.get(`/api/v1/alarms/${id}`).expect(200)).body as AlarmView;

  it('after 响应终止 an overdue notification still alarms, the 终报 coming due raises, the report resolves it', async () => {
    const incident = (
      await t
        .post('/api/v1/incidents')
        // One death in the industrial park (its rules adopt 21号令): after 响应终止 the 终报 is owed to the city.
        .send({
          ...overdueIncidentBody('640571', 20, t0.getTime()),
          casualties: { deaths: 1, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0, endangered: 0 },
        })
        .expect(201)
    ).body as { id: string };
    await tickAlarms(t);
    const raised = await alarmsOf(t, incident.id);
    const police = raised.find((a) => a.title === '通知公安机关已逾期')!;
    const cityReport = raised.find((a) => a.title === '向设区的市级上报已逾期')!;
    expect([police.status, cityReport.status]).toEqual(['raised', 'raised']);

    // The report to the city, late; then 响应终止 while the police has still not been notified.
    await t.post(`/api/v1/incidents/${incident.id}/reports`).send({ toLevel: 'city', channel: '电话' }).expect(201);
    const ended = await t
      .post(`/api/v1/incidents/${incident.id}/end-response`)
      .send({ summary: '泄漏已封堵，应急响应终止' })
      .expect(200);
    expect(ended.body.status).toBe('closed');
    await tickAlarms(t);
    expect(await read(cityReport.id)).toMatchObject({ status: 'resolved', resolution: 'obligation_met' });
    // The police is still owed its notification: the alarm stays raised, not "事故已结束".
    expect(await read(police.id)).toMatchObject({ status: 'raised', resolution: null });

    // The 终报 is owed to the city 120 minutes after 响应终止; 10 minutes before, the watch raises its "due" alarm.
    clock.advance(115 * MIN);
    await tickAlarms(t);
    const alarms = await alarmsOf(t, incident.id, undefined, '?status=raised');
    const finalDue = alarms.find((a) => a.title === '向设区的市级上报时限将至');
    expect(finalDue).toMatchObject({ severity: 'major', status: 'raised' });
    expect(finalDue!.message).toContain('终报');
    expect(await read(police.id)).toMatchObject({ status: 'raised' });

    // The 终报 made: its alarm ends as met, the police notification's stays.
    await t.post(`/api/v1/incidents/${incident.id}/reports`).send({ toLevel: 'city', channel: '电话' }).expect(201);
    await tickAlarms(t);
    expect(await read(finalDue!.id)).toMatchObject({ status: 'resolved', resolution: 'obligation_met' });
    expect(await read(police.id)).toMatchObject({ status: 'raised' });
  });

  it('an unanswered roll call behind a hundred newer ones keeps its alarm until it is answered', async () => {
    const issued = await t
      .post('/api/v1/duty/roll-calls')
      .send({ jurisdictions: ['640521'], ackWithinMinutes: 30, message: '夜间在岗点名' })
      .expect(201);
    const callId = issued.body.id as string;
    await tickAlarms(t);
    const pending = (await alarmsOf(t, callId)).find((a) => a.kind === 'roll_call')!;
    expect(pending.status).toBe('raised');

    // A hundred newer roll calls (already closed, calling nobody) push it out of the newest hundred the desk lists.
    await t.sql(
      `insert into roll_calls (id, jurisdiction, target_jurisdictions, targets, message, ack_within_minutes, issued_by,
                               issued_at, due_at, open, revision, position)
       select gen_random_uuid(), r.jurisdiction, '{}', '[]'::jsonb, r.message, r.ack_within_minutes, r.issued_by,
              r.issued_at + g * interval '1 second', r.due_at, false, r.revision, r.position
         from roll_calls r, generate_series(1, 100) g where r.id = $1`,
      [callId],
    );
    await tickAlarms(t);
    expect(await read(pending.id)).toMatchObject({ status: 'raised', resolution: null });

    const countyOfficer = await t.user(['duty_officer'], '640521');
    await t.post(`/api/v1/duty/roll-calls/${callId}/acknowledge`, countyOfficer.token).send({}).expect(200);
    await tickAlarms(t);
    expect(await read(pending.id)).toMatchObject({ status: 'resolved', resolution: 'roll_call_answered' });
  });
});
