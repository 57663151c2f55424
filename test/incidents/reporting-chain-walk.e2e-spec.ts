import { ManualClock } from '../../libs/shared/src';
import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody } from '../support/incident-fixtures';

interface Deadline {
  id: string;
  kind: string;
  responsible: string;
  level: string | null;
  party: string | null;
  dueAt: string;
  status: string;
  statusLabel: string;
  basis: string;
  reportedAt: string | null;
}

const MIN = 60_000;
const DAY = 1440 * MIN;

/**
 * One 较大 accident in the industrial park (profile strict-demo: 30 minutes a level, 21号令 rules on), walked on the
 * application's own clock: a unit that reported late, an intake back-dated to the call with a reason, the 电话快报,
 * the notifications of 条例493 第十条, a grade that rises, a 续报, 响应终止 with its 终报, and a 补报 on day 10 after
 * the response ended — then a death on day 31 that is recorded but counts for nothing.
 */
describe('the reporting chain of a 较大 accident, from a late unit to a 补报 on day 10 (docs/domain.md rules 2–6, 9)', () => {
  const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
  const clock = new ManualClock(t0);
  const at = (ms: number) => new Date(t0.getTime() + ms).toISOString();
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await startTestApp({}, { clock });
    token = (await t.user(['commander'], '640500')).token;
  });
  afterAll(() => t?.close());

  /** Moves the application's clock; a fresh session, since a session's life is measured on that clock too. */
  const advanceTo = async (ms: number) => {
    clock.set(new Date(t0.getTime() + ms));
    token = (await t.user(['commander'], '640500')).token;
  };
  const view = async (id: string) => (await t.get(`/api/v1/incidents/${id}`, token).expect(200)).body;
  const of = (list: Deadline[], kind: string, level?: string) =>
    list.filter((d) => d.kind === kind && (level === undefined || d.level === level));

  it('walks intake, 电话快报, notifications, escalation, 续报, 响应终止, 补报 and the statistical window', async () => {
    // The accident happened 3 hours ago; the unit's head knew at once but phoned the park's bureau only 20 minutes ago.
    const created = await t
      .post('/api/v1/incidents', token)
      .send(
        incidentBody({
          jurisdiction: '640571',
          occurredAt: at(-180 * MIN),
          unitLearnedAt: at(-175 * MIN),
          unitReportedAt: at(-20 * MIN),
          receivedAt: at(-20 * MIN),
          receivedAtReason: '值班电话接报，处置后补录',
          measures: '已疏散厂区人员，关闭进料阀',
          casualties: { deaths: 1, missing: 0, seriousInjuries: 0, minorInjuries: 1, trapped: 2, endangered: 12 },
        }),
      )
      .expect(201);
    const id: string = created.body.id;
    expect(created.body).toMatchObject({
      grade: 'general',
      nearMiss: true,
      receivedAtReason: '值班电话接报，处置后补录',
      measures: '已疏散厂区人员，关闭进料阀',
    });
    expect(Date.parse(created.body.receivedAt)).toBe(t0.getTime() - 20 * MIN);
    let list: Deadline[] = created.body.deadlines;
    // 企业迟报 is the unit's; nothing of the bureau is late at intake, although the accident is 3 hours old.
    expect(of(list, 'unit')).toMatchObject([{ responsible: 'unit', status: 'late', statusLabel: '迟报' }]);
    expect(list.filter((d) => d.responsible === 'bureau').every((d) => d.status === 'pending')).toBe(true);
    const city = of(list, 'initial', 'city')[0]!;
    expect(Date.parse(city.dueAt)).toBe(t0.getTime() + 10 * MIN);
    // 较大涉险事故 (12 endangered): the 电话快报 to the province is owed although only one person died.
    const express = of(list, 'express')[0]!;
    expect(express).toMatchObject({ level: 'province', basis: expect.stringContaining('第三条') });
    expect(of(list, 'notification')).toHaveLength(5);

    // 电话快报 at +3 min, logged at +5 min: named against its obligation, with the real time of the call.
    await advanceTo(5 * MIN);
    list = (
      await t
        .post(`/api/v1/incidents/${id}/reports`, token)
        .send({
          toLevel: 'province',
          channel: '电话',
          obligationId: express.id,
          reportedAt: at(3 * MIN),
          recipient: { unit: '宁夏回族自治区应急管理厅指挥中心', name: '值班员孙' },
        })
        .expect(201)
    ).body.deadlines;
    expect(of(list, 'express')[0]).toMatchObject({ status: 'met', reportedAt: expect.any(String) });
    expect(of(list, 'initial', 'city')[0]!.status).toBe('pending');

    // The written report to the city at +8 min, and the five parties notified at +9 min.
    await advanceTo(8 * MIN);
    list = (
      await t
        .post(`/api/v1/incidents/${id}/reports`, token)
        .send({ toLevel: 'city', channel: '系统报送', text: '快报全文' })
        .expect(201)
    ).body.deadlines;
    expect(of(list, 'initial', 'city')[0]!.status).toBe('met');
    // The first report is not a 续报: the daily one is still owed.
    expect(of(list, 'follow_up').map((d) => d.status)).toEqual(['pending']);
    await advanceTo(9 * MIN);
    for (const party of ['government', 'public_security', 'human_resources', 'trade_union', 'procuratorate'])
      await t.post(`/api/v1/incidents/${id}/notifications`, token).send({ party, channel: '电话' }).expect(201);
    expect(of((await view(id)).deadlines, 'notification').map((d: Deadline) => d.status)).toEqual([
      'met',
      'met',
      'met',
      'met',
      'met',
    ]);

    // +40 min: two more deaths — the grade rises to 较大 and the province is owed, 30 minutes from the rise.
    await advanceTo(40 * MIN);
    const rose = await t
      .post(`/api/v1/incidents/${id}/updates`, token)
      .send({ casualties: { deaths: 3 } })
      .expect(200);
    expect(rose.body.grade).toBe('major');
    const province = of(rose.body.deadlines, 'escalation', 'province')[0]!;
    expect(Date.parse(province.dueAt)).toBe(t0.getTime() + 70 * MIN);
    // The 电话快报 was made already: a rising grade does not owe a second one.
    expect(of(rose.body.deadlines, 'express')).toHaveLength(1);
    // Past due and not reported: overdue shows at once, on the application's clock.
    await advanceTo(71 * MIN);
    expect(of((await view(id)).deadlines, 'escalation', 'province')[0]).toMatchObject({
      status: 'overdue',
      statusLabel: '逾期',
    });
    list = (
      await t.post(`/api/v1/incidents/${id}/reports`, token).send({ toLevel: 'province', channel: '传真' }).expect(201)
    ).body.deadlines;
    expect(of(list, 'escalation', 'province')[0]!.status).toBe('late');

    // Day 1: the daily 续报 to the city, on time; the next one is owed a day later.
    await advanceTo(23 * 60 * MIN);
    list = (
      await t.post(`/api/v1/incidents/${id}/reports`, token).send({ toLevel: 'city', channel: '系统报送' }).expect(201)
    ).body.deadlines;
    expect(of(list, 'follow_up').map((d) => d.status)).toEqual(['met', 'pending']);

    // Day 1½: 响应终止 with its summary (终报); the cadence stops and the 终报 is owed to the city.
    await advanceTo(36 * 60 * MIN);
    const ended = await t
      .post(`/api/v1/incidents/${id}/end-response`, token)
      .send({ summary: '泄漏已封堵，现场清理完毕，应急响应终止' })
      .expect(200);
    expect(ended.body.status).toBe('closed');
    expect(of(ended.body.deadlines, 'follow_up').map((d: Deadline) => d.status)).toEqual(['met']);
    const final = of(ended.body.deadlines, 'final')[0]!;
    expect(final).toMatchObject({ level: 'city', status: 'pending' });
    list = (
      await t.post(`/api/v1/incidents/${id}/reports`, token).send({ toLevel: 'city', channel: '系统报送' }).expect(201)
    ).body.deadlines;
    expect(of(list, 'final')[0]!.status).toBe('met');

    // Day 10 after the accident: a death in hospital. Accepted after the response ended, and a 补报 is owed.
    await advanceTo(10 * DAY - 180 * MIN);
    const day10 = await t
      .post(`/api/v1/incidents/${id}/updates`, token)
      .send({ casualties: { deaths: 4 } })
      .expect(200);
    expect(day10.body.casualties.deaths).toBe(4);
    // (The change at +40 min owed one too, met by the provincial report.)
    const supplementary = of(day10.body.deadlines, 'supplementary').at(-1)!;
    expect(supplementary).toMatchObject({ level: 'province', status: 'pending' });
    expect(supplementary.basis).toContain('第十三条');
    list = (
      await t.post(`/api/v1/incidents/${id}/reports`, token).send({ toLevel: 'province', channel: '电话' }).expect(201)
    ).body.deadlines;
    expect(of(list, 'supplementary').map((d) => d.status)).toEqual(['met', 'met']);
    // Other changes are refused after the response ended.
    expect(
      (await t.post(`/api/v1/incidents/${id}/updates`, token).send({ measures: '继续监测' }).expect(409)).body.code,
    ).toBe('INCIDENT_CLOSED');

    // Day 31: a death after the 30-day window is recorded and flagged; it neither re-grades nor owes a report.
    await advanceTo(31 * DAY);
    const late = await t
      .post(`/api/v1/incidents/${id}/updates`, token)
      .send({ casualties: { deaths: 10 } })
      .expect(200);
    expect(late.body.grade).toBe('major');
    // Kept apart from the counted figures: the statistics still count 4 deaths.
    expect(late.body.casualties.deaths).toBe(4);
    expect(late.body.casualtiesAfterWindow.deaths).toBe(10);
    expect(of(late.body.deadlines, 'supplementary')).toHaveLength(2);
    expect(of(late.body.deadlines, 'escalation', 'national')).toHaveLength(0);
    const timeline = (await t.get(`/api/v1/incidents/${id}/timeline`, token).expect(200)).body as { summary: string }[];
    expect(timeline.at(-1)!.summary).toMatch(/^补报（已超过统计时限/);
    expect(timeline.some((e) => e.summary.startsWith('响应终止（终报）'))).toBe(true);

    // Compliance speaks the law's words, the bureau's obligations apart from the unit's.
    const compliance = (await t.get('/api/v1/compliance', token).query({ jurisdiction: '640571' }).expect(200)).body;
    const mine = (compliance.obligations as { incidentId: string; kind: string; statusLabel: string }[]).filter(
      (o) => o.incidentId === id,
    );
    expect(mine.find((o) => o.kind === 'unit')!.statusLabel).toBe('迟报');
    expect(mine.find((o) => o.kind === 'express')!.statusLabel).toBe('按时');
    expect(mine.find((o) => o.kind === 'escalation')!.statusLabel).toBe('迟报');
    expect(compliance.unit).toMatchObject({ total: 1, late: 1 });
    expect(compliance.summary.late).toBe(1);
    expect(compliance.summary.missed).toBe(0);
  });
});
