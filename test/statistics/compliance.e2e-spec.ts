import { runningDrill } from '../support/running-drill';
import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody } from '../support/incident-fixtures';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
interface Row {
  incidentId: string;
  level: string;
  status: string;
  reportedBy: string | null;
}

describe('deadline compliance: met, late, missed, by whom (drills apart)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp()));
  afterAll(() => t?.close());

  it('classifies every obligation of a county and counts them per status and reporter', async () => {
    const haiyuan = await t.user(['duty_officer'], '640522');
    const report = async (minutes: number, extra: Record<string, unknown> = {}) =>
      (
        await t
          .post('/api/v1/incidents', haiyuan.token)
          .send(incidentBody({ jurisdiction: '640522', occurredAt: minutesAgo(minutes), ...extra }))
          .expect(201)
      ).body.id as string;
    const onTime = await report(30);
    const late = await report(90);
    const missed = await report(70);
    const drill = await report(90, { drillId: await runningDrill(t, '640522') });
    for (const id of [onTime, late])
      await t
        .post(`/api/v1/incidents/${id}/reports`, haiyuan.token)
        .send({ toLevel: 'county', channel: '电话' })
        .expect(201);

    const { body } = await t.get('/api/v1/compliance', haiyuan.token).expect(200);
    const of = (id: string) =>
      (body.obligations as Row[]).filter((r) => r.incidentId === id).map((r) => `${r.level}:${r.status}`);
    expect(of(onTime)).toEqual(['county:met', 'city:pending']);
    expect(of(late)).toEqual(['county:late', 'city:pending']);
    expect(of(missed)).toEqual(['county:missed', 'city:pending']);
    expect(of(drill)).toEqual([]);
    expect(body.summary).toEqual({ total: 6, met: 1, late: 1, missed: 1, pending: 3, onTimeRate: 0.3333 });
    expect(body.byReporter).toEqual([{ reportedBy: haiyuan.username, met: 1, late: 1 }]);
    expect((body.obligations as Row[]).find((r) => r.incidentId === onTime)).toMatchObject({
      statusLabel: '按时上报',
      reportedBy: haiyuan.username,
    });

    // The drill's own obligations are there when its drill is asked for, and never in the real figures.
    const drillId = (await t.get(`/api/v1/incidents/${drill}`, haiyuan.token).expect(200)).body.drillId;
    const drillView = (await t.get('/api/v1/compliance', haiyuan.token).query({ drillId }).expect(200)).body;
    expect(drillView.summary).toMatchObject({ total: 2, missed: 1 });

    // Closing an incident with a report still owed makes that report missed.
    await t.post(`/api/v1/incidents/${onTime}/close`).send({ summary: '处置完毕' }).expect(200);
    const after = (await t.get('/api/v1/compliance', haiyuan.token).expect(200)).body;
    expect((after.obligations as Row[]).filter((r) => r.incidentId === onTime).map((r) => r.status)).toEqual([
      'met',
      'missed',
    ]);
  });

  it('another county sees none of it', async () => {
    const zhongning = await t.user(['viewer'], '640521');
    const { body } = await t.get('/api/v1/compliance', zhongning.token).expect(200);
    expect((body.obligations as Row[]).every((r) => !('640522' in r))).toBe(true);
    expect(body.summary.total).toBe(0);
    await t
      .get('/api/v1/compliance', zhongning.token)
      .query({ jurisdiction: '640522' })
      .expect(200)
      .expect((r) => expect(r.body.summary.total).toBe(0));
  });
});
