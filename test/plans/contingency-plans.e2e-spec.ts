import { randomUUID } from 'node:crypto';
import type { TestApp } from '../support/test-app';
import { givenSignedIn } from '../support/signed-in';
import type { TestUser } from '../support/test-users';
import { incidentBody, waitForMessage } from '../support/incident-fixtures';
import { until } from '../support/eventually';
import { beijingDate, reviewAndPublish } from '../support/plan-review';

/** A hazardous-chemicals special plan of the city, in the shape of docs/api.md section 8 (criteria: any one is enough). */
const planBody = (overrides: Record<string, unknown> = {}) => ({
  title: `中卫市危险化学品事故应急预案 ${randomUUID().slice(0, 6)}`,
  kind: 'special',
  jurisdiction: '640500',
  categories: ['hazardous_chemicals'],
  activation: {
    description: '符合下列条件之一的启动相应响应',
    levels: [
      { level: 'II', minGrade: 'major' },
      { level: 'III', minDeaths: 1 },
      { level: 'IV', minTrapped: 1 },
    ],
  },
  groups: [
    {
      name: '综合协调组',
      leadAgency: '市应急管理局',
      tasks: [{ title: '成立现场指挥部', responseLevels: ['I', 'II', 'III'] }],
    },
    {
      name: '警戒疏散组',
      leadAgency: '市公安局',
      tasks: [
        { title: '划定警戒区', responseLevels: ['I', 'II', 'III', 'IV'] },
        { title: '疏散周边群众', responseLevels: ['I', 'II'] },
      ],
    },
  ],
  requirements: {
    teams: [
      { specialty: 'environmental_monitoring', count: 1 },
      { specialty: 'hazardous_chemicals', count: 2 },
    ],
    materials: [{ materialCode: '2010102', quantity: 7 }],
  },
  ...overrides,
});

interface Task {
  taskId: string;
  title: string;
  status: string;
  level: string;
  completedBy: string | null;
  note: string | null;
}

describe('contingency plans: versions, lifecycle, activation, checklist and suggestions (HTTP + Socket.IO)', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => ({ t, user: admin } = await givenSignedIn(['admin'])));
  afterAll(() => t?.close());

  const publishedPlan = async (overrides: Record<string, unknown> = {}): Promise<string> => {
    const id = (await t.post('/api/v1/plans', admin.token).send(planBody(overrides)).expect(201)).body.id;
    await reviewAndPublish(t, id, admin.token);
    return id;
  };

  it('PUT makes a new version; the old one stays readable and in force until the new one is published; filing and retiring', async () => {
    const created = await t.post('/api/v1/plans', admin.token).send(planBody()).expect(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ status: 'draft', version: 1, inForceVersion: null, statusLabel: '草案' });
    await reviewAndPublish(t, id, admin.token);
    const revised = await t
      .put(`/api/v1/plans/${id}`, admin.token)
      .send(planBody({ title: '第二版预案' }))
      .expect(200);
    expect(revised.body).toMatchObject({ status: 'draft', version: 2, inForceVersion: 1, title: '第二版预案' });
    expect((await t.get(`/api/v1/plans/${id}/versions/1`).expect(200)).body).toMatchObject({
      version: 1,
      status: 'published',
    });
    await reviewAndPublish(t, id, admin.token);
    expect((await t.get(`/api/v1/plans/${id}/versions/1`).expect(200)).body.status).toBe('superseded');
    const filed = await t
      .post(`/api/v1/plans/${id}/filings`, admin.token)
      .send({ authority: '宁夏回族自治区应急管理厅', filedAt: beijingDate() })
      .expect(201);
    expect(filed.body).toMatchObject({ status: 'filed', inForceVersion: 2 });
    expect((await t.get(`/api/v1/plans/${id}/versions/2`).expect(200)).body.filing).toMatchObject({
      authority: '宁夏回族自治区应急管理厅',
      filedAt: beijingDate(),
      filedOn: beijingDate(),
      late: false,
    });
    await t.get(`/api/v1/plans/${id}/versions/3`).expect(404);
    const retired = await t
      .post(`/api/v1/plans/${id}/retire`, admin.token)
      .send({ reason: '已被新预案替代' })
      .expect(200);
    expect(retired.body).toMatchObject({ status: 'retired', inForceVersion: null });
    const again = await t.put(`/api/v1/plans/${id}`, admin.token).send(planBody()).expect(409);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(again.body.code).toBe('ILLEGAL_PLAN_TRANSITION');
  });

  it('activating a plan makes its tasks appear on a console; raising the level adds the new level’s tasks; tasks are completed with a note', async () => {
    const planId = await publishedPlan();
    const incident = (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body;
    const console = await t.socket();
    await new Promise<void>((resolve) => console.emit('subscribe', { incidentId: incident.id }, () => resolve()));
    const seen: Task[][] = [];
    console.on('incident.changed', (m: { data: { id: string; tasks: Task[] } }) => {
      if (m.data.id === incident.id) seen.push(m.data.tasks);
    });

    const refused = await t.post(`/api/v1/incidents/${incident.id}/plan-activations`).send({ planId }).expect(422);
    expect(refused.body.code).toBe('RESPONSE_LEVEL_REQUIRED');
    const activated = await t
      .post(`/api/v1/incidents/${incident.id}/plan-activations`)
      .send({ planId, level: 'IV', reason: '被困 1 人' })
      .expect(201);
    expect(activated.body.responseLevel).toBe('IV');
    expect(activated.body.activePlans).toEqual([expect.objectContaining({ planId, version: 1, level: 'IV' })]);
    expect(activated.body.tasks.map((x: Task) => x.title)).toEqual(['划定警戒区']);
    await until(() => seen.some((tasks) => tasks.some((x) => x.title === '划定警戒区')));

    const raised = await t
      .post(`/api/v1/incidents/${incident.id}/response-level`)
      .send({ level: 'II', reason: '升为较大事故' })
      .expect(200);
    expect(raised.body.tasks.map((x: Task) => x.title)).toEqual(['划定警戒区', '成立现场指挥部', '疏散周边群众']);
    await until(() => seen.some((tasks) => tasks.some((x) => x.title === '疏散周边群众')));

    const task = raised.body.tasks[0] as Task;
    const done = await t
      .post(`/api/v1/incidents/${incident.id}/tasks/${task.taskId}/complete`)
      .send({ note: '警戒区 500 米' })
      .expect(200);
    expect(done.body.tasks[0]).toMatchObject({
      status: 'done',
      note: '警戒区 500 米',
      completedBy: expect.any(String),
      completedAt: expect.stringMatching(/\+08:00$/),
    });
    expect(
      (await t.post(`/api/v1/incidents/${incident.id}/tasks/${task.taskId}/complete`).send({}).expect(409)).body.code,
    ).toBe('TASK_ALREADY_COMPLETED');
    expect(
      (await t.post(`/api/v1/incidents/${incident.id}/tasks/not-a-task/complete`).send({}).expect(404)).body.code,
    ).toBe('TASK_NOT_FOUND');
    expect(
      (await t.post(`/api/v1/incidents/${incident.id}/plan-activations`).send({ planId }).expect(409)).body.code,
    ).toBe('PLAN_ALREADY_ACTIVE');

    const timeline = (await t.get(`/api/v1/incidents/${incident.id}/timeline`).expect(200)).body;
    expect(timeline.map((e: { summary: string }) => e.summary).join('\n')).toMatch(
      /启动预案：《中卫市危险化学品事故应急预案/,
    );
  });

  it('a revision published after activation does not change the pinned version', async () => {
    const planId = await publishedPlan();
    const incident = (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body;
    await t.post(`/api/v1/incidents/${incident.id}/plan-activations`).send({ planId, level: 'III' }).expect(201);
    await t
      .put(`/api/v1/plans/${planId}`, admin.token)
      .send(
        planBody({
          groups: [
            {
              name: '新组',
              leadAgency: '新单位',
              tasks: [{ title: '新任务', responseLevels: ['I', 'II', 'III', 'IV'] }],
            },
          ],
        }),
      )
      .expect(200);
    await reviewAndPublish(t, planId, admin.token);
    const raised = await t
      .post(`/api/v1/incidents/${incident.id}/response-level`)
      .send({ level: 'II', reason: '研判' })
      .expect(200);
    expect(raised.body.activePlans[0].version).toBe(1);
    expect(raised.body.tasks.map((x: Task) => x.title)).not.toContain('新任务');
  });

  it('refuses plans that are not in force or not applicable, with problem+json, and changes nothing', async () => {
    const draft = (await t.post('/api/v1/plans', admin.token).send(planBody()).expect(201)).body.id;
    const mining = await publishedPlan({ categories: ['coal_mine', 'non_coal_mine'] });
    const incident = (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body;
    const before = (await t.get(`/api/v1/incidents/${incident.id}`).expect(200)).body.revision;
    expect(
      (
        await t
          .post(`/api/v1/incidents/${incident.id}/plan-activations`)
          .send({ planId: draft, level: 'IV' })
          .expect(409)
      ).body.code,
    ).toBe('PLAN_NOT_IN_FORCE');
    expect(
      (
        await t
          .post(`/api/v1/incidents/${incident.id}/plan-activations`)
          .send({ planId: mining, level: 'IV' })
          .expect(422)
      ).body.code,
    ).toBe('PLAN_NOT_APPLICABLE');
    expect(
      (
        await t
          .post(`/api/v1/incidents/${incident.id}/plan-activations`)
          .send({ planId: randomUUID(), level: 'IV' })
          .expect(404)
      ).body.code,
    ).toBe('PLAN_NOT_FOUND');
    expect(
      (await t.post(`/api/v1/incidents/${incident.id}/plan-activations`).send({ planId: 'x', level: 'V' }).expect(400))
        .body.errors.length,
    ).toBeGreaterThan(0);
    expect((await t.get(`/api/v1/incidents/${incident.id}`).expect(200)).body.revision).toBe(before);
    const bad = await t
      .post('/api/v1/plans', admin.token)
      .send(
        planBody({
          groups: [{ name: '组', leadAgency: '单位', tasks: [{ title: '任务', responseLevels: ['V'] }] }],
          requirements: { teams: [], materials: [{ materialCode: '9999999', quantity: 1 }] },
        }),
      )
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('an incident that meets a published plan’s criteria is suggested to the console; nothing is activated by itself', async () => {
    const planId = await publishedPlan();
    const console = await t.socket();
    const incident = (
      await t
        .post('/api/v1/incidents')
        .send(incidentBody({ casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 } }))
        .expect(201)
    ).body;
    await new Promise<void>((resolve) => console.emit('subscribe', { incidentId: incident.id }, () => resolve()));
    const suggested = waitForMessage<{
      data: { incidentId: string; suggestions: { planId: string; level: string; reasons: string[]; action: string }[] };
    }>(console, 'plan.suggested');
    await t
      .post(`/api/v1/incidents/${incident.id}/updates`)
      .send({ casualties: { deaths: 1 } })
      .expect(200);
    const message = await suggested;
    expect(message.data.incidentId).toBe(incident.id);
    expect(message.data.suggestions).toContainEqual(
      expect.objectContaining({ planId, level: 'III', action: 'activate', reasons: ['死亡 1 人（≥ 1）'] }),
    );
    const board = (await t.get(`/api/v1/incidents/${incident.id}`).expect(200)).body;
    expect(board.responseLevel).toBeNull();
    expect(board.activePlans).toEqual([]);
    const listed = (await t.get(`/api/v1/incidents/${incident.id}/plan-suggestions`).expect(200)).body;
    expect(listed.suggestions).toContainEqual(expect.objectContaining({ planId, level: 'III' }));
    await t.post(`/api/v1/incidents/${incident.id}/plan-activations`).send({ planId, level: 'III' }).expect(201);
    await until(
      async () =>
        !(await t.get(`/api/v1/incidents/${incident.id}/plan-suggestions`)).body.suggestions.some(
          (s: { planId: string }) => s.planId === planId,
        ),
    );
  });

  it('an active plan’s requirements decide the recommendations', async () => {
    const planId = await publishedPlan();
    const incident = (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body;
    const before = (await t.get(`/api/v1/incidents/${incident.id}/recommendations`).expect(200)).body;
    expect(before.needsFrom).toBe('category');
    await t.post(`/api/v1/incidents/${incident.id}/plan-activations`).send({ planId, level: 'IV' }).expect(201);
    const after = (await t.get(`/api/v1/incidents/${incident.id}/recommendations`).expect(200)).body;
    expect(after.needsFrom).toBe('plan');
    expect(after.neededSpecialties).toEqual(['environmental_monitoring', 'hazardous_chemicals']);
    expect(after.neededTeams).toEqual([
      { specialty: 'environmental_monitoring', count: 1, assigned: 0 },
      { specialty: 'hazardous_chemicals', count: 2, assigned: 0 },
    ]);
    expect(after.neededMaterials).toEqual([{ materialCode: '2010102', quantity: 7 }]);
  });

  it('a county reads its city’s plans but cannot change them; other counties’ plans stay hidden', async () => {
    const cityPlan = await publishedPlan();
    const haiyuanPlan = await publishedPlan({ jurisdiction: '640522' });
    const countyAdmin = await t.user(['admin'], '640521');
    expect((await t.get(`/api/v1/plans/${cityPlan}`, countyAdmin.token).expect(200)).body.id).toBe(cityPlan);
    await t.get(`/api/v1/plans/${haiyuanPlan}`, countyAdmin.token).expect(404);
    expect((await t.post(`/api/v1/plans/${cityPlan}/retire`, countyAdmin.token).send({}).expect(403)).body.code).toBe(
      'OUTSIDE_JURISDICTION',
    );
    const listed = (await t.get('/api/v1/plans', countyAdmin.token).expect(200)).body.map((p: { id: string }) => p.id);
    expect(listed).toContain(cityPlan);
    expect(listed).not.toContain(haiyuanPlan);
  });
});
