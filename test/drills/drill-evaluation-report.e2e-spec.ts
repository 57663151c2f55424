import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { drillBody } from './drill-fixtures';
import { nameUser, seedEndedTabletopDrill, type SeededDrill } from '../support/drill-walk/seed-ended-drill';
import type { DrillEvaluationView, EvaluationDocument } from '../../libs/evaluation/src/contract';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const JURISDICTION_CODE = /(?<!\d)\d{6}(\d{3})?(?!\d)/;

/**
 * The evaluation report as an official document (docs/api.md §13): the JSON document the console renders and the
 * HTML page built from it name people, places, the plan and local times, never ids, codes or ISO instants; scores
 * and the conclusion wait for the drill's end; a drill of another county is not found; nobody signed out reads it.
 */
describe('drill evaluation report: the official document', () => {
  let t: TestApp;
  let admin: TestUser;
  let coordinator: TestUser;
  let second: TestUser;
  let seeded: SeededDrill;
  beforeAll(async () => {
    t = await startTestApp({ DRILL_TICK_MS: '50' });
    [admin, coordinator, second] = await Promise.all([
      t.user(['admin']),
      t.user(['drill_coordinator']),
      t.user(['drill_coordinator']),
    ]);
    await nameUser(t, coordinator, '赵组织');
    await nameUser(t, second, '钱评估');
    await nameUser(t, t.commander, '孙指挥');
    seeded = await seedEndedTabletopDrill(
      t,
      { admin, coordinator },
      {
        title: '中卫市危化品泄漏桌面推演',
        planTitle: '中卫市危险化学品事故专项应急预案',
        incidentTitle: '演练：园区储罐泄漏',
      },
    );
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const path = (drill: string, tail = '') => `/api/v1/drills/${drill}/evaluation${tail}`;

  it('scored on every AQ/T 9009 aspect by two evaluators, concludes by the overall percent and prints it all in words', async () => {
    const before = (await t.get(path(seeded.drillId), coordinator.token).expect(200)).body as DrillEvaluationView;
    expect(before.status).toBe('ended');
    expect(before.rubric.map((a) => a.key)).toEqual([
      'preparation',
      'warning_reporting',
      'response_command',
      'onsite_action',
      'resources',
      'recovery',
      'plan_fitness',
    ]);
    expect(before.names).toMatchObject({
      title: '中卫市危化品泄漏桌面推演',
      formLabel: '桌面演练',
      jurisdictionName: '中卫市',
      organiser: '中卫市应急管理局',
      planTitle: '中卫市危险化学品事故专项应急预案',
      units: ['市应急管理局', '市消防救援支队', '园区管委会'],
      teams: ['市危化品应急救援队'],
    });
    expect(before.names.people).toEqual(
      expect.arrayContaining([
        { name: '赵组织', unit: '中卫市应急管理局', roles: ['演练组织者'] },
        { name: '孙指挥', unit: '中卫市应急管理局', roles: ['指挥长'] },
      ]),
    );
    expect(before.overall.reportToResponseLevelSeconds).not.toBeNull();

    const sheet = (score: number) => ({
      scores: before.rubric.map((a) => ({
        aspect: a.key,
        score,
        comment: a.key === 'warning_reporting' ? '续报及时' : undefined,
      })),
    });
    await t.post(path(seeded.drillId, '/scores'), coordinator.token).send(sheet(84)).expect(201);
    await t.post(path(seeded.drillId, '/scores'), second.token).send(sheet(90)).expect(201);
    await t
      .post(path(seeded.drillId, '/findings'), coordinator.token)
      .send({ text: '警戒区划定后未及时通报周边企业', planId: seeded.planId })
      .expect(201);
    const after = (
      await t
        .post(path(seeded.drillId, '/conclusion'), second.token)
        .send({ text: '演练达到预期目的，预案基本可行。' })
        .expect(201)
    ).body as DrillEvaluationView;
    expect(after.scores.overallPercent).toBe(87);
    expect(after.conclusion).toMatchObject({ verdict: 'good', verdictLabel: '良好' });
    expect(after.sheets.map((s) => s.evaluatorName)).toEqual(['赵组织', '钱评估']);
    expect(after.findings[0]).toMatchObject({
      planTitle: '中卫市危险化学品事故专项应急预案',
      recordedByName: '赵组织',
    });
    expect(after.evaluatorsConclusion).toMatchObject({ recordedByName: '钱评估' });

    const doc = (await t.get(path(seeded.drillId, '/document'), coordinator.token).expect(200))
      .body as EvaluationDocument;
    const text = JSON.stringify(doc);
    expect(doc.title).toBe('中卫市危化品泄漏桌面推演评估报告');
    expect(doc.issuer).toBe('中卫市应急管理局 演练评估组');
    expect(doc.draftNote).toBeNull();
    expect(doc.sections.map((s) => s.heading)).toEqual([
      '一、演练基本情况',
      '二、演练评估过程',
      '三、演练情况分析',
      '四、问题与改进建议',
      '五、评估结论',
    ]);
    for (const words of [
      '《中卫市危险化学品事故专项应急预案》第 1 版',
      '市应急管理局、市消防救援支队、园区管委会',
      '赵组织（中卫市应急管理局，演练组织者）',
      '孙指挥（中卫市应急管理局，指挥长）',
      '北京时间',
      '接报：演练：园区储罐泄漏（危险化学品类，地点：中卫工业园区纬三路，被困 1 人）',
      '演练准备',
      '预警与信息报告',
      '钱评估（预警与信息报告）：续报及时',
      '警戒区划定后未及时通报周边企业（已记入《中卫市危险化学品事故专项应急预案》',
      '本次演练综合得分 87 分，评定为良好。',
      '90 分及以上为优秀',
      '演练达到预期目的，预案基本可行。',
    ])
      expect(text).toContain(words);
    expect(doc.signature.names).toEqual(['赵组织', '钱评估']);
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(ISO_INSTANT);
    expect(text).not.toMatch(JURISDICTION_CODE);

    // The HTML report is the same document.
    const report = await t.get(path(seeded.drillId, '/report'), coordinator.token).expect(200);
    expect(report.headers['content-type']).toMatch(/text\/html/);
    expect(report.text).toContain('<h1>中卫市危化品泄漏桌面推演评估报告</h1>');
    expect(report.text).toContain('本次演练综合得分 87 分，评定为良好。');
    expect(report.text).not.toMatch(UUID);
    expect(report.text).not.toMatch(ISO_INSTANT);
    expect(report.text).not.toMatch(JURISDICTION_CODE);
  }, 60_000);

  it('answers 401 without a token and 404 for a drill of another county', async () => {
    for (const tail of ['', '/document', '/report'])
      expect((await request(t.baseUrl).get(path(seeded.drillId, tail)).expect(401)).body.code).toBe('UNAUTHENTICATED');
    const countyCoordinator = await t.user(['drill_coordinator'], '640521');
    const countyDrill = (
      await t
        .post('/api/v1/drills', countyCoordinator.token)
        .send(drillBody({ title: '中宁县燃气泄漏桌面推演', jurisdiction: '640521' }))
        .expect(201)
    ).body.id as string;
    const neighbour = await t.user(['drill_coordinator'], '640522');
    for (const tail of ['', '/document', '/report'])
      expect((await t.get(path(countyDrill, tail), neighbour.token).expect(404)).body.code).toBe('DRILL_NOT_FOUND');
    expect(
      (await t.post(path(countyDrill, '/findings'), neighbour.token).send({ text: '越权记录' }).expect(404)).body.code,
    ).toBe('DRILL_NOT_FOUND');
    // The city above sees the county's drill and its report, named by the county's bureau.
    const doc = (await t.get(path(countyDrill, '/document'), coordinator.token).expect(200)).body as EvaluationDocument;
    expect(doc.issuer).toBe('中卫市中宁县应急管理局 演练评估组');
    // A viewer reads the report but may not score.
    const viewer = await t.user(['viewer']);
    await t.get(path(seeded.drillId, '/document'), viewer.token).expect(200);
    await t
      .post(path(seeded.drillId, '/scores'), viewer.token)
      .send({ scores: [{ aspect: 'preparation', score: 80 }] })
      .expect(403);
  });

  it('while the drill runs: findings are noted, scores and the conclusion wait, the report is a draft without a verdict', async () => {
    const drill = (
      await t
        .post('/api/v1/drills', coordinator.token)
        .send(drillBody({ title: '中卫市防汛应急桌面推演' }))
        .expect(201)
    ).body.id as string;
    await t.post(`/api/v1/drills/${drill}/start`, coordinator.token).send({}).expect(200);
    await t.post(path(drill, '/findings'), coordinator.token).send({ text: '通信保障组到位偏晚' }).expect(201);
    expect(
      (
        await t
          .post(path(drill, '/scores'), coordinator.token)
          .send({ scores: [{ aspect: 'preparation', score: 80 }] })
          .expect(409)
      ).body,
    ).toMatchObject({ code: 'EVALUATION_DRILL_NOT_ENDED', detail: expect.stringContaining('演练结束后方可评分') });
    expect(
      (await t.post(path(drill, '/conclusion'), coordinator.token).send({ text: '提前下结论' }).expect(409)).body.code,
    ).toBe('EVALUATION_DRILL_NOT_ENDED');
    await t.post(path(drill, '/conclusion'), coordinator.token).send({ text: '' }).expect(400);

    const running = (await t.get(path(drill, '/document'), coordinator.token).expect(200)).body as EvaluationDocument;
    expect(running.draftNote).toContain('过程稿');
    expect(JSON.stringify(running)).toContain('演练尚未结束，暂不作评估结论。');
    expect(JSON.stringify(running)).toContain('通信保障组到位偏晚');

    await t.post(`/api/v1/drills/${drill}/end`, coordinator.token).send({}).expect(200);
    await t
      .post(path(drill, '/scores'), coordinator.token)
      .send({ scores: [{ aspect: 'preparation', score: 50 }] })
      .expect(201);
    const ended = (await t.get(path(drill, '/document'), coordinator.token).expect(200)).body as EvaluationDocument;
    expect(ended.draftNote).toBeNull();
    // One aspect scored of seven: still no verdict, and the report says which are missing.
    expect(JSON.stringify(ended)).toContain('尚有 6 项评估内容未评分');
  });
});
