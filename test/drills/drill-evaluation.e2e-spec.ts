import { randomUUID } from 'node:crypto';
import { ManualClock } from '../../libs/shared/src';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { registerTeam, registerWarehouse } from '../support/resource-fixtures';
import { drillBody, drillIncidentPayload } from './drill-fixtures';
import { eventually } from '../support/eventually';
import { reviewAndPublish } from '../support/plan-review';

/**
 * A scripted scenario with known timings, on a clock the test moves: the evaluation must report exactly those
 * timings (docs/domain.md rule 22), the checklist against the plan's limits, the supply shortfall, scores and findings.
 */
describe('drill evaluation: measured times, scores, findings, printable report', () => {
  const clock = new ManualClock(new Date());
  let t: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  beforeAll(async () => {
    t = await startTestApp({ DRILL_TICK_MS: '50' }, { clock });
    [admin, coordinator] = await Promise.all([t.user(['admin']), t.user(['drill_coordinator'])]);
  });
  afterAll(async () => {
    await t?.close();
  });

  const SECOND = 1000;
  it('reports exactly the scenario’s timings and the rest of the evaluation', async () => {
    const planId = (
      await t
        .post('/api/v1/plans', admin.token)
        .send({
          title: `危化品事故专项预案 ${randomUUID().slice(0, 4)}`,
          kind: 'special',
          jurisdiction: '640500',
          categories: ['hazardous_chemicals'],
          activation: { description: '演练用', levels: [{ level: 'IV', minTrapped: 1 }] },
          groups: [
            {
              name: '警戒疏散组',
              leadAgency: '市公安局',
              tasks: [
                { title: '划定警戒区', responseLevels: ['IV'], withinMinutes: 10 },
                { title: '疏散下风向群众', responseLevels: ['IV'], withinMinutes: 5 },
              ],
            },
          ],
          requirements: {
            teams: [{ specialty: 'hazardous_chemicals', count: 1 }],
            materials: [{ materialCode: '2010102', quantity: 20 }],
          },
        })
        .expect(201)
    ).body.id;
    await reviewAndPublish(t, planId, admin.token, clock.now());
    const teamId = await registerTeam(t, admin.token, {
      name: '危化品救援队（演练）',
      base: { address: '园区', lat: 37.54, lng: 105.15 },
      jurisdiction: '640500',
    });
    const warehouseId = await registerWarehouse(t, admin.token, {
      location: { address: '市区', lat: 37.5, lng: 105.2 },
    });

    const drill = (
      await t
        .post('/api/v1/drills', coordinator.token)
        .send(
          drillBody({
            planId,
            scenario: {
              injects: [
                {
                  atSecond: 60,
                  kind: 'report_incident',
                  payload: drillIncidentPayload({
                    jurisdiction: '640500',
                    occurredAt: new Date(clock.now().getTime() - 60 * SECOND).toISOString(),
                  }),
                },
              ],
            },
          }),
        )
        .expect(201)
    ).body.id;
    await t.post(`/api/v1/drills/${drill}/start`, coordinator.token).send({}).expect(200);

    // +60 s: the scripted report arrives (接报).
    clock.advance(60 * SECOND);
    const incident = await eventually(
      async () => ((await t.get(`/api/v1/incidents?drillId=${drill}`).expect(200)).body as { id: string }[])[0]?.id,
      8000,
    );
    // +300 s: the commander sets level IV (240 s after the report); +360 s: activates the plan (300 s).
    clock.advance(240 * SECOND);
    await t.post(`/api/v1/incidents/${incident}/response-level`).send({ level: 'IV', reason: '被困 1 人' }).expect(200);
    clock.advance(60 * SECOND);
    const tasks = (await t.post(`/api/v1/incidents/${incident}/plan-activations`).send({ planId }).expect(201)).body
      .tasks as { taskId: string; title: string }[];
    // +420 s: a simulated dispatch (360 s); supplies: 12 of the 20 the plan asks for.
    clock.advance(60 * SECOND);
    await t.post(`/api/v1/drills/${drill}/dispatches`).send({ incidentId: incident, teamId }).expect(201);
    await t
      .post(`/api/v1/drills/${drill}/allocations`)
      .send({ incidentId: incident, warehouseId, items: [{ materialCode: '2010102', quantity: 12 }] })
      .expect(201);
    // Tasks went on the checklist at +360 s: the first done at +720 s (6 min of 10: met), the second at +840 s (8 min of 5: late).
    clock.advance(300 * SECOND);
    await t
      .post(`/api/v1/incidents/${incident}/tasks/${tasks[0]!.taskId}/complete`)
      .send({ note: '警戒区 500 米' })
      .expect(200);
    clock.advance(120 * SECOND);
    await t.post(`/api/v1/incidents/${incident}/tasks/${tasks[1]!.taskId}/complete`).send({}).expect(200);
    clock.advance(60 * SECOND);
    await t.post(`/api/v1/drills/${drill}/end`, coordinator.token).send({}).expect(200);

    await t
      .post(`/api/v1/drills/${drill}/evaluation/scores`, coordinator.token)
      .send({
        scores: [
          { aspect: 'plan_fitness', score: 70 },
          { aspect: 'response_command', score: 90, comment: '响应迅速' },
        ],
      })
      .expect(201);
    await t
      .post(`/api/v1/drills/${drill}/evaluation/findings`, coordinator.token)
      .send({ text: '疏散任务超出预案时限，需明确责任单位', planId })
      .expect(201);

    const evaluation = (await t.get(`/api/v1/drills/${drill}/evaluation`).expect(200)).body;
    expect(evaluation.durationSeconds).toBe(900);
    expect(evaluation.overall).toEqual({
      reportToFirstDispatchSeconds: 360,
      reportToFirstArrivalSeconds: null,
      reportToResponseLevelSeconds: 240,
      reportToPlanActivationSeconds: 300,
    });
    expect(
      evaluation.incidents[0].tasks.map((x: { title: string; seconds: number; verdict: string }) => [
        x.title,
        x.seconds,
        x.verdict,
      ]),
    ).toEqual([
      ['划定警戒区', 360, 'met'],
      ['疏散下风向群众', 480, 'late'],
    ]);
    expect(evaluation.incidents[0].shortfalls).toEqual([
      { materialCode: '2010102', required: 20, allocated: 12, short: 8 },
    ]);
    expect(evaluation.scores.byAspect.find((a: { aspect: string }) => a.aspect === 'response_command').mean).toBe(90);
    // Weighted over the two scored aspects: (10 × 70 + 20 × 90) / 30 = 83.33
    expect(evaluation.scores.overallPercent).toBe(83.33);
    // Five aspects unscored: no verdict yet.
    expect(evaluation.conclusion.verdict).toBe('pending');
    expect(evaluation.findings.map((f: { text: string }) => f.text)).toEqual(['疏散任务超出预案时限，需明确责任单位']);
    // The drill incident is the city's own: a 一般事故 owes nothing further up (条例493 第十条), but the five parties
    // to notify are owed, not yet due, the incident still open.
    expect(evaluation.deadlines).toEqual({ total: 5, met: 0, late: 0, missed: 0, pending: 5 });

    // The finding waits on the plan; the next version records it as addressed.
    const plan = (await t.get(`/api/v1/plans/${planId}`).expect(200)).body;
    expect(plan.openFindings.map((f: { text: string }) => f.text)).toEqual(['疏散任务超出预案时限，需明确责任单位']);

    const report = await t.get(`/api/v1/drills/${drill}/evaluation/report`).expect(200);
    expect(report.headers['content-type']).toMatch(/text\/html/);
    expect(report.text).toContain('演练评估报告');
    expect(report.text).toContain('6 分 0 秒');
    expect(report.text).toContain('超时完成');
  }, 60_000);

  it('a drill outside the caller’s jurisdictions is not found; bad scores are refused', async () => {
    const drill = (await t.post('/api/v1/drills', coordinator.token).send(drillBody())).body.id;
    const county = await t.user(['viewer'], '640521');
    expect((await t.get(`/api/v1/drills/${drill}/evaluation`, county.token).expect(404)).body.code).toBe(
      'DRILL_NOT_FOUND',
    );
    // Scores judge the whole drill: refused before its end.
    expect(
      (
        await t
          .post(`/api/v1/drills/${drill}/evaluation/scores`, coordinator.token)
          .send({ scores: [{ aspect: 'plan_fitness', score: 80 }] })
          .expect(409)
      ).body.code,
    ).toBe('EVALUATION_DRILL_NOT_ENDED');
    await t.post(`/api/v1/drills/${drill}/start`, coordinator.token).send({}).expect(200);
    await t.post(`/api/v1/drills/${drill}/end`, coordinator.token).send({}).expect(200);
    expect(
      (
        await t
          .post(`/api/v1/drills/${drill}/evaluation/scores`, coordinator.token)
          .send({ scores: [{ aspect: 'plan_fitness', score: 101 }] })
          .expect(422)
      ).body.code,
    ).toBe('SCORE_NOT_IN_RUBRIC');
    await t
      .post(`/api/v1/drills/${drill}/evaluation/scores`, coordinator.token)
      .send({ scores: 'all good' })
      .expect(400);
  });
});
