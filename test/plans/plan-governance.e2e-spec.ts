import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../libs/shared/src';
import { startTestApp, type TestApp } from '../support/test-app';
import { reviewBody } from '../support/plan-review';
import { drillBody } from '../drills/drill-fixtures';

const planBody = (overrides: Record<string, unknown> = {}) => ({
  title: `预案管理测试 ${randomUUID().slice(0, 6)}`,
  kind: 'special',
  jurisdiction: '640500',
  categories: ['hazardous_chemicals'],
  activation: { description: '测试', levels: [{ level: 'IV', minTrapped: 1 }] },
  groups: [
    {
      name: '警戒疏散组',
      leadAgency: '市公安局',
      tasks: [{ title: '划定警戒区', responseLevels: ['I', 'II', 'III', 'IV'] }],
    },
  ],
  requirements: { teams: [], materials: [] },
  ...overrides,
});

interface GovernedPlan {
  planId: string;
  status: string;
  jurisdiction: string;
  ownerKind: string;
  review: { kindLabel: string; conclusionLabel: string; reviewedOn: string } | null;
  publishedOn: string | null;
  filing: {
    deadline: string;
    state: string;
    stateLabel: string;
    filedOn: string | null;
    daysLeft: number | null;
  } | null;
  evaluation: { dueOn: string; state: string; lastEvaluatedOn: string | null } | null;
  drill: {
    lastDrillOn: string | null;
    nextDueOn: string;
    state: string;
    stateLabel: string;
    intervalMonths: number;
  } | null;
}
interface Governance {
  asOf: string;
  plans: GovernedPlan[];
  jurisdictions: { jurisdiction: string; plans: number; lastDrillOn: string | null; drillsOverdue: number }[];
}

/**
 * Plan governance over HTTP (docs/domain.md rule 11a) on a manual clock. Sessions follow the clock too, so after each
 * move of the clock the actors sign in again.
 */
describe('plan governance: review before publication, filing deadline, evaluation, drill frequency', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-09-18T02:00:00Z')); // Friday 18 September 2026, 10:00 in Beijing
  beforeAll(async () => {
    t = await startTestApp({ DRILL_TICK_MS: '600000', DEADLINE_TICK_MS: '600000' }, { clock });
  });
  afterAll(() => t?.close());

  const governance = async (token: string, query = ''): Promise<Governance> =>
    (await t.get(`/api/v1/plans/governance${query}`, token).expect(200)).body as Governance;
  const governed = async (token: string, planId: string) => {
    const found = (await governance(token)).plans.find((p) => p.planId === planId);
    if (!found) throw new Error(`plan ${planId} is not on the governance list`);
    return found;
  };
  const eventsOf = async (planId: string, type: string) =>
    (
      await t.sql<{ n: number }>(
        `select count(*)::int as n from es_events where stream_name = $1 and event_type = $2`,
        [`plan-${planId}`, type],
      )
    )[0]!.n;

  it('publication without a 评审/论证 record is refused (409 PLAN_NOT_REVIEWED); a future review date too; reviewed, it publishes', async () => {
    const admin = await t.user(['admin']);
    const id = (await t.post('/api/v1/plans', admin.token).send(planBody()).expect(201)).body.id as string;
    const refused = await t.post(`/api/v1/plans/${id}/publish`, admin.token).send({}).expect(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({ code: 'PLAN_NOT_REVIEWED', status: 409 });
    expect(refused.body.detail).toContain('评审或论证');
    expect(await eventsOf(id, 'PlanPublished')).toBe(0);

    const future = await t.post(`/api/v1/plans/${id}/reviews`, admin.token).send(reviewBody('2026-09-19')).expect(422);
    expect(future.body).toMatchObject({ code: 'PLAN_DATE_IN_FUTURE' });
    expect(future.body.detail).toContain('晚于今天（2026-09-18）');
    const reviewed = await t
      .post(`/api/v1/plans/${id}/reviews`, admin.token)
      .send(reviewBody('2026-09-18'))
      .expect(201);
    expect(reviewed.body).toMatchObject({
      status: 'reviewed',
      statusLabel: '已评审',
      review: { kind: 'review', reviewedOn: '2026-09-18', conclusion: 'passed', document: '测试评审纪要〔2026〕1号' },
    });
    const published = await t.post(`/api/v1/plans/${id}/publish`, admin.token).send({}).expect(200);
    expect(published.body).toMatchObject({ status: 'published', inForceVersion: 1, ownerKind: 'government' });
    expect(await governed(admin.token, id)).toMatchObject({
      review: { kindLabel: '评审', conclusionLabel: '通过', reviewedOn: '2026-09-18' },
      publishedOn: '2026-09-18',
      // 20 working days after Friday 18 September, across 中秋 and 国庆 with the 调休 days 20 September and 10 October.
      filing: { deadline: '2026-10-22', state: 'due', stateLabel: '待备案', filedOn: null, daysLeft: 34 },
      evaluation: { dueOn: '2029-09-18', state: 'not_due', lastEvaluatedOn: null },
      drill: { lastDrillOn: null, nextDueOn: '2028-09-18', state: 'not_due', intervalMonths: 24 },
    });
  });

  it('a filing date in the future is refused (422 PLAN_DATE_IN_FUTURE); a filing after the deadline is recorded as late; a revision published again is filed again', async () => {
    clock.set(new Date('2026-09-18T03:00:00Z'));
    let admin = await t.user(['admin']);
    const id = (await t.post('/api/v1/plans', admin.token).send(planBody()).expect(201)).body.id as string;
    await t.post(`/api/v1/plans/${id}/reviews`, admin.token).send(reviewBody(clock.now())).expect(201);
    await t.post(`/api/v1/plans/${id}/publish`, admin.token).send({}).expect(200);
    for (const filedAt of ['2026-09-19', '2030-01-01', '2026-09-18T16:00:00Z']) {
      const refused = await t
        .post(`/api/v1/plans/${id}/filings`, admin.token)
        .send({ authority: '宁夏回族自治区应急管理厅', filedAt })
        .expect(422);
      expect(refused.body).toMatchObject({ code: 'PLAN_DATE_IN_FUTURE' });
      expect(refused.body.detail).toMatch(/^备案日期 \d{4}-\d{2}-\d{2} 晚于今天/);
    }
    expect(await eventsOf(id, 'PlanFiled')).toBe(0);

    // The day after the deadline: unfiled, it is overdue; filed now, the filing is late.
    clock.set(new Date('2026-10-23T02:00:00Z'));
    admin = await t.user(['admin']);
    expect((await governed(admin.token, id)).filing).toMatchObject({
      state: 'overdue',
      stateLabel: '逾期未备案',
      daysLeft: -1,
    });
    const filed = await t
      .post(`/api/v1/plans/${id}/filings`, admin.token)
      .send({ authority: '宁夏回族自治区应急管理厅', filedAt: '2026-10-23' })
      .expect(201);
    expect(filed.body).toMatchObject({ status: 'filed' });
    expect((await t.get(`/api/v1/plans/${id}/versions/1`, admin.token).expect(200)).body.filing).toEqual({
      authority: '宁夏回族自治区应急管理厅',
      filedAt: '2026-10-23',
      filedOn: '2026-10-23',
      deadline: '2026-10-22',
      late: true,
    });
    expect((await governed(admin.token, id)).filing).toMatchObject({
      state: 'filed_late',
      stateLabel: '逾期备案',
      filedOn: '2026-10-23',
    });

    // A revision, reviewed and published again, is owed its own filing within 20 working days.
    await t
      .put(`/api/v1/plans/${id}`, admin.token)
      .send(planBody({ title: '修订后的预案' }))
      .expect(200);
    expect(await governed(admin.token, id)).toMatchObject({ status: 'draft', filing: { state: 'filed_late' } });
    await t.post(`/api/v1/plans/${id}/publish`, admin.token).send({}).expect(409);
    await t.post(`/api/v1/plans/${id}/reviews`, admin.token).send(reviewBody(clock.now())).expect(201);
    await t.post(`/api/v1/plans/${id}/publish`, admin.token).send({}).expect(200);
    expect(await governed(admin.token, id)).toMatchObject({
      status: 'published',
      publishedOn: '2026-10-23',
      filing: { state: 'due', deadline: '2026-11-20', filedOn: null },
      // The drill clock runs from the plan's first publication.
      drill: { nextDueOn: '2028-09-18' },
    });

    // An evaluation restarts the 3 years; it cannot be dated in the future.
    const future = await t
      .post(`/api/v1/plans/${id}/evaluations`, admin.token)
      .send({ evaluatedOn: '2026-10-24', conclusion: 'no_revision', summary: '继续有效', evaluators: ['预案科'] })
      .expect(422);
    expect(future.body).toMatchObject({ code: 'PLAN_DATE_IN_FUTURE' });
    await t
      .post(`/api/v1/plans/${id}/evaluations`, admin.token)
      .send({ evaluatedOn: '2026-10-23', conclusion: 'no_revision', summary: '继续有效', evaluators: ['预案科'] })
      .expect(201);
    expect((await governed(admin.token, id)).evaluation).toMatchObject({
      lastEvaluatedOn: '2026-10-23',
      dueOn: '2029-10-23',
      state: 'not_due',
    });
  });

  it('drill frequency per plan and jurisdiction: a high-risk unit’s plan drilled, due again in half a year, then overdue; listed only to its jurisdictions', async () => {
    clock.set(new Date('2026-11-02T02:00:00Z'));
    let countyAdmin = await t.user(['admin'], '640521');
    const coordinator = await t.user(['drill_coordinator'], '640521');
    const id = (
      await t
        .post('/api/v1/plans', countyAdmin.token)
        .send(planBody({ jurisdiction: '640521', ownerKind: 'high_risk_unit', kind: 'onsite' }))
        .expect(201)
    ).body.id as string;
    await t.post(`/api/v1/plans/${id}/reviews`, countyAdmin.token).send(reviewBody(clock.now())).expect(201);
    await t.post(`/api/v1/plans/${id}/publish`, countyAdmin.token).send({}).expect(200);
    expect((await governed(countyAdmin.token, id)).drill).toMatchObject({
      lastDrillOn: null,
      nextDueOn: '2027-05-02',
      intervalMonths: 6,
      state: 'not_due',
    });

    const drill = (
      await t
        .post('/api/v1/drills', coordinator.token)
        .send(drillBody({ jurisdiction: '640521', planId: id }))
        .expect(201)
    ).body.id as string;
    await t.post(`/api/v1/drills/${drill}/start`, coordinator.token).send({}).expect(200);
    clock.set(new Date('2026-11-10T02:00:00Z'));
    await t
      .post(`/api/v1/drills/${drill}/end`, (await t.user(['drill_coordinator'], '640521')).token)
      .send({})
      .expect(200);
    countyAdmin = await t.user(['admin'], '640521');
    expect((await governed(countyAdmin.token, id)).drill).toMatchObject({
      lastDrillOn: '2026-11-10',
      nextDueOn: '2027-05-10',
      state: 'not_due',
    });

    // The day after the half year: overdue, for the plan and in its jurisdiction's summary.
    clock.set(new Date('2027-05-11T02:00:00Z'));
    const county = await t.user(['drill_coordinator'], '640521');
    const list = await governance(county.token);
    expect(list.asOf).toBe('2027-05-11');
    expect(list.plans.find((p) => p.planId === id)?.drill).toMatchObject({
      state: 'overdue',
      stateLabel: '逾期未演练',
      lastDrillOn: '2026-11-10',
    });
    // Every jurisdiction of the caller is summed up, those without plans too (a town below the county).
    expect(list.jurisdictions).toContainEqual(
      expect.objectContaining({ jurisdiction: '640521', plans: 1, lastDrillOn: '2026-11-10', drillsOverdue: 1 }),
    );
    expect(list.jurisdictions).toContainEqual(
      expect.objectContaining({ jurisdiction: '640521100', plans: 0, lastDrillOn: null }),
    );
    // The county sees its own plans only, not the city's (their owner answers for them).
    expect(list.plans.every((p) => p.jurisdiction === '640521')).toBe(true);
    expect((await governance(county.token, '?jurisdiction=640500')).plans).toEqual([]);

    // The city sees the county below it, and can ask for one jurisdiction.
    const city = await t.user(['viewer'], '640500');
    const cityList = await governance(city.token);
    expect(cityList.plans.map((p) => p.planId)).toContain(id);
    expect(cityList.plans.some((p) => p.jurisdiction === '640500')).toBe(true);
    const onlyCounty = await governance(city.token, '?jurisdiction=640521');
    expect(onlyCounty.plans.every((p) => p.jurisdiction === '640521')).toBe(true);
    expect(onlyCounty.jurisdictions.map((j) => j.jurisdiction)).toEqual(['640521']);
    const unknown = await t.get('/api/v1/plans/governance?jurisdiction=999999', city.token).expect(400);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    // The city's government plans were first published in September 2026: not due before September 2028.
    expect(cityList.plans.filter((p) => p.jurisdiction === '640500').every((p) => p.drill?.state === 'not_due')).toBe(
      true,
    );
  });
});
