import request from 'supertest';
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../support/test-app';
import { givenSignedIn } from '../support/signed-in';
import type { TestUser } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';
import { publishedPlan } from '../support/plan-fixtures';
import { until } from '../support/eventually';
import { runningDrill } from '../support/running-drill';

interface Line {
  source: string;
  type: string;
  summary: string;
}

describe('the expert library (专家库) and consultation (会商) on an incident over HTTP', () => {
  let t: TestApp;
  let admin: TestUser;
  let countyAdmin: TestUser;
  let otherCounty: TestUser;
  const experts: Record<string, string> = {};

  beforeAll(async () => {
    ({ t, user: admin } = await givenSignedIn(['admin']));
    countyAdmin = await t.user(['admin'], '640522');
    otherCounty = await t.user(['commander'], '640522');
    for (const [name, specialties] of [
      ['张三', ['hazardous_chemicals']],
      ['李四', ['hazardous_chemicals', 'environment']],
      ['王五', ['coal_mine']],
      ['赵六', ['medical']],
      ['孙七', ['non_coal_mine']],
    ] as const) {
      const created = await registerExpert({ name, specialties }).expect(201);
      experts[name] = created.body.id;
    }
  });
  afterAll(() => t?.close());

  const expertBody = (overrides: Record<string, unknown> = {}) => ({
    name: '某专家',
    specialties: ['hazardous_chemicals'],
    title: '正高级工程师',
    organization: '某化工设计研究院（测试）',
    phone: '13995500001',
    jurisdiction: '640500',
    ...overrides,
  });
  const registerExpert = (overrides: Record<string, unknown> = {}, token = admin.token) =>
    t.post('/api/v1/experts', token).send(expertBody(overrides));
  const newIncident = async (overrides: Record<string, unknown> = {}) =>
    (await t.post('/api/v1/incidents').send(incidentBody(overrides)).expect(201)).body as { id: string };
  const timeline = async (incidentId: string): Promise<Line[]> =>
    (await t.get(`/api/v1/incidents/${incidentId}/timeline`).expect(200)).body as Line[];
  const invite = (incidentId: string, body: Record<string, unknown>, token?: string) =>
    t.post(`/api/v1/incidents/${incidentId}/experts`, token).send(body);
  const answer = (incidentId: string, expertId: string, verb: 'accept' | 'decline', note?: string, token?: string) =>
    t.post(`/api/v1/incidents/${incidentId}/experts/${expertId}/${verb}`, token).send(note ? { note } : {});

  it('registers experts, lists them by specialty and text, and answers the contract view', async () => {
    const got = await t.get(`/api/v1/experts/${experts['李四']}`).expect(200);
    expect(got.body).toMatchObject({
      id: experts['李四'],
      name: '李四',
      specialties: ['hazardous_chemicals', 'environment'],
      specialtyLabels: ['危险化学品', '环境监测'],
      title: '正高级工程师',
      jurisdiction: '640500',
      jurisdictionName: '中卫市',
      active: true,
      engagedIn: 0,
      revision: 0,
    });
    const coal = await t.get('/api/v1/experts').query({ specialty: 'coal_mine' }).expect(200);
    expect(coal.body.map((e: { name: string }) => e.name)).toEqual(['王五']);
    const byText = await t.get('/api/v1/experts').query({ q: '孙' }).expect(200);
    expect(byText.body.map((e: { name: string }) => e.name)).toEqual(['孙七']);
    const refused = await registerExpert({ specialties: [] }).expect(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    const unknown = await registerExpert({ specialties: ['astrology'] }).expect(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
  });

  it('changes an entry with If-Match; a stale revision is 412; a county cannot change the city’s entry (403) nor see a sibling’s (404)', async () => {
    const id = (await registerExpert({ name: '周八' }).expect(201)).body.id as string;
    const patch = (body: object, revision: number | undefined, token = admin.token) => {
      const req = request(t.baseUrl).patch(`/api/v1/experts/${id}`).set('Authorization', `Bearer ${token}`);
      if (revision !== undefined) req.set('If-Match', String(revision));
      return req.send(body);
    };
    const changed = await patch({ title: '高级工程师', phone: '0955-7000000' }, 0).expect(200);
    expect(changed.body).toMatchObject({ title: '高级工程师', phone: '0955-7000000', revision: 1 });
    const stale = await patch({ title: '工程师' }, 0).expect(412);
    expect(stale.body.code).toBe('STALE_REVISION');
    const readOnly = await patch({ title: '工程师' }, undefined, countyAdmin.token).expect(403);
    expect(readOnly.body.code).toBe('EXPERT_READ_ONLY');
    expect(readOnly.body.detail).toContain('中卫市');
    // The county reads the city's library (it invites from it) …
    await t.get(`/api/v1/experts/${id}`, countyAdmin.token).expect(200);
    // … but another county's entry does not exist for it.
    const countyExpert = (
      await registerExpert({ name: '海原专家', jurisdiction: '640522' }, countyAdmin.token).expect(201)
    ).body.id as string;
    const sibling = await t.user(['admin'], '640521');
    const hidden = await t.get(`/api/v1/experts/${countyExpert}`, sibling.token).expect(404);
    expect(hidden.body.code).toBe('EXPERT_NOT_FOUND');
    const listed = await t.get('/api/v1/experts', sibling.token).expect(200);
    expect(listed.body.map((e: { id: string }) => e.id)).not.toContain(countyExpert);
    await request(t.baseUrl)
      .patch(`/api/v1/experts/${countyExpert}`)
      .set('Authorization', `Bearer ${sibling.token}`)
      .send({ title: 'x' })
      .expect(404);
    const outside = await registerExpert({ jurisdiction: '640521' }, countyAdmin.token).expect(403);
    expect(outside.body.code).toBe('OUTSIDE_JURISDICTION');
  });

  it('invites an expert: the invitation and the answer are lines of the incident’s timeline; repeated steps are 409', async () => {
    const incident = await newIncident();
    const invited = await invite(incident.id, {
      expertId: experts['张三'],
      mode: 'remote',
      topic: '储罐泄漏的堵漏方案',
    }).expect(201);
    expect(invited.body).toMatchObject({
      incidentId: incident.id,
      expertId: experts['张三'],
      expertName: '张三',
      specialtyLabels: ['危险化学品'],
      organization: '某化工设计研究院（测试）',
      phone: '13995500001',
      mode: 'remote',
      modeLabel: '远程会商',
      status: 'invited',
      statusLabel: '已邀请，待答复',
      topic: '储罐泄漏的堵漏方案',
      answeredAt: null,
      answeredBy: null,
      answerNote: null,
      drillId: null,
      revision: 0,
    });
    // People by display name, as colleagues know them, not by sign-in name.
    expect(invited.body.invitedBy).toBe(`测试用户 ${t.commander.username}`);
    const lines = await timeline(incident.id);
    expect(lines).toContainEqual(
      expect.objectContaining({
        source: 'consultation',
        type: 'ExpertInvited',
        summary: '邀请专家张三（危险化学品）远程会商：储罐泄漏的堵漏方案',
      }),
    );
    const again = await invite(incident.id, { expertId: experts['张三'], topic: '再次邀请' }).expect(409);
    expect(again.body.code).toBe('CONSULTATION_PENDING');

    const accepted = await answer(incident.id, experts['张三']!, 'accept', '30 分钟后接入').expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', statusLabel: '已接受', answerNote: '30 分钟后接入' });
    expect(accepted.body.answeredAt).toEqual(expect.any(String));
    expect(accepted.body.answeredBy).toBe(`测试用户 ${t.commander.username}`);
    expect(await timeline(incident.id)).toContainEqual(
      expect.objectContaining({ type: 'ConsultationAccepted', summary: '专家张三接受会商邀请：30 分钟后接入' }),
    );
    expect((await answer(incident.id, experts['张三']!, 'accept').expect(409)).body.code).toBe(
      'CONSULTATION_ALREADY_ACCEPTED',
    );
    expect((await answer(incident.id, experts['张三']!, 'decline').expect(409)).body.code).toBe(
      'CONSULTATION_ALREADY_ACCEPTED',
    );
    expect((await invite(incident.id, { expertId: experts['张三'], topic: 'x' }).expect(409)).body.code).toBe(
      'CONSULTATION_ALREADY_ACCEPTED',
    );
    const engaged = await t.get(`/api/v1/experts/${experts['张三']}`).expect(200);
    expect(engaged.body.engagedIn).toBe(1);

    // 谢绝, no accept afterwards, then a new invitation is allowed.
    await invite(incident.id, { expertId: experts['李四'], mode: 'on_site', topic: '环境监测布点' }).expect(201);
    const declined = await answer(incident.id, experts['李四']!, 'decline', '出差在外').expect(200);
    expect(declined.body).toMatchObject({ status: 'declined', statusLabel: '已谢绝' });
    expect(await timeline(incident.id)).toContainEqual(
      expect.objectContaining({ type: 'ConsultationDeclined', summary: '专家李四谢绝会商邀请：出差在外' }),
    );
    expect((await answer(incident.id, experts['李四']!, 'accept').expect(409)).body.code).toBe('CONSULTATION_DECLINED');
    expect((await answer(incident.id, experts['李四']!, 'decline').expect(409)).body.code).toBe(
      'CONSULTATION_DECLINED',
    );
    const reinvited = await invite(incident.id, { expertId: experts['李四'], topic: '远程指导监测' }).expect(201);
    expect(reinvited.body).toMatchObject({ status: 'invited', answerNote: null, topic: '远程指导监测', revision: 2 });

    const listed = await t.get(`/api/v1/incidents/${incident.id}/experts`).expect(200);
    expect(listed.body.map((c: { expertName: string; status: string }) => [c.expertName, c.status]).sort()).toEqual([
      ['张三', 'accepted'],
      ['李四', 'invited'],
    ]);
  });

  it('refuses a withdrawn expert, an unknown expert or incident, an answer without invitation, and an ended response', async () => {
    const incident = await newIncident();
    const withdrawnId = (await registerExpert({ name: '吴九' }).expect(201)).body.id as string;
    const withdrawn = await t
      .post(`/api/v1/experts/${withdrawnId}/withdraw`, admin.token)
      .send({ reason: '退休' })
      .expect(200);
    expect(withdrawn.body.active).toBe(false);
    expect((await t.post(`/api/v1/experts/${withdrawnId}/withdraw`, admin.token).send({}).expect(409)).body.code).toBe(
      'EXPERT_WITHDRAWN',
    );
    const refused = await invite(incident.id, { expertId: withdrawnId, topic: '会商' }).expect(409);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.code).toBe('EXPERT_WITHDRAWN');
    expect(refused.body.detail).toContain('退出专家库');

    expect((await invite(incident.id, { expertId: randomUUID(), topic: '会商' }).expect(404)).body.code).toBe(
      'EXPERT_NOT_FOUND',
    );
    expect((await invite(randomUUID(), { expertId: experts['王五'], topic: '会商' }).expect(404)).body.code).toBe(
      'INCIDENT_NOT_FOUND',
    );
    expect((await answer(incident.id, experts['王五']!, 'accept').expect(404)).body.code).toBe(
      'CONSULTATION_NOT_FOUND',
    );
    expect(
      (await t.post(`/api/v1/incidents/${incident.id}/experts/not-a-uuid/accept`).send({}).expect(400)).body.code,
    ).toBe('INVALID_ID');
    expect((await invite(incident.id, { expertId: experts['王五'], topic: '' }).expect(400)).body.code).toBe(
      'VALIDATION_FAILED',
    );
    expect(
      (await invite(incident.id, { expertId: experts['王五'], topic: 'x', mode: 'carrier_pigeon' }).expect(400)).body
        .code,
    ).toBe('VALIDATION_FAILED');

    await invite(incident.id, { expertId: experts['王五'], topic: '井下通风' }).expect(201);
    await t.post(`/api/v1/incidents/${incident.id}/end-response`).send({ summary: '处置完毕，响应终止' }).expect(200);
    const closed = await invite(incident.id, { expertId: experts['赵六'], topic: '会商' }).expect(409);
    expect(closed.body.code).toBe('INCIDENT_CLOSED');
    expect((await answer(incident.id, experts['王五']!, 'accept').expect(409)).body.code).toBe('INCIDENT_CLOSED');
  });

  it('another county sees neither the incident’s consultations nor may it invite or answer (404)', async () => {
    const incident = await newIncident();
    await invite(incident.id, { expertId: experts['赵六'], topic: '伤员救治' }).expect(201);
    expect((await t.get(`/api/v1/incidents/${incident.id}/experts`, otherCounty.token).expect(404)).body.code).toBe(
      'INCIDENT_NOT_FOUND',
    );
    await invite(incident.id, { expertId: experts['王五'], topic: 'x' }, otherCounty.token).expect(404);
    await answer(incident.id, experts['赵六']!, 'accept', undefined, otherCounty.token).expect(404);
    await t.get(`/api/v1/incidents/${incident.id}/expert-recommendations`, otherCounty.token).expect(404);
    const stillInvited = await t.get(`/api/v1/incidents/${incident.id}/experts`).expect(200);
    expect(stillInvited.body[0].status).toBe('invited');
    // A duty officer may not keep the library.
    const officer = await t.user(['duty_officer'], '640500');
    await registerExpert({}, officer.token).expect(403);
  });

  it('the incident’s consoles hear of each step (consultation.changed); another county’s do not', async () => {
    const incident = await newIncident();
    const own = await t.socket();
    const other = await t.socket(otherCounty.token);
    await own.emitWithAck('subscribe', { incidentId: incident.id });
    await other.emitWithAck('subscribe', { incidentId: incident.id });
    const heard: [string, string, string][] = [];
    const listen = (who: string) => (m: { data: { incidentId: string; expertName: string; status: string } }) => {
      if (m.data.incidentId === incident.id) heard.push([who, m.data.expertName, m.data.status]);
    };
    own.on('consultation.changed', listen('own'));
    other.on('consultation.changed', listen('other'));
    await invite(incident.id, { expertId: experts['王五'], topic: '井下通风' }).expect(201);
    await answer(incident.id, experts['王五']!, 'accept').expect(200);
    await until(() => heard.length >= 2);
    expect(heard).toEqual([
      ['own', '王五', 'invited'],
      ['own', '王五', 'accepted'],
    ]);
    own.close();
    other.close();
  });

  it('a drill incident’s consultation is marked with the drill and never makes the expert engaged', async () => {
    const expertId = (await registerExpert({ name: '郑十' }).expect(201)).body.id as string;
    const drillId = await runningDrill(t);
    const drillIncident = (await t.post('/api/v1/incidents').send(incidentBody({ drillId })).expect(201)).body as {
      id: string;
    };
    const invited = await invite(drillIncident.id, { expertId, topic: '演练会商' }).expect(201);
    expect(invited.body.drillId).toBe(drillId);
    await answer(drillIncident.id, expertId, 'accept').expect(200);
    const line = (await timeline(drillIncident.id)).find((l) => l.type === 'ConsultationAccepted') as
      (Line & { drillId: string | null }) | undefined;
    expect(line).toMatchObject({ source: 'consultation', drillId });
    expect((await t.get(`/api/v1/experts/${expertId}`).expect(200)).body.engagedIn).toBe(0);
  });

  it('keeps script in every text field as text', async () => {
    const script = '<script>alert(1)</script>';
    const created = await registerExpert({
      name: `${script}专家`,
      title: `${script}职称`,
      organization: `${script}单位`,
      phone: `${script}1`,
    }).expect(201);
    expect(created.headers['content-type']).toMatch(/^application\/json/);
    const incident = await newIncident();
    await invite(incident.id, { expertId: created.body.id, topic: `${script}议题` }).expect(201);
    const declined = await answer(incident.id, created.body.id, 'decline', `${script}说明`).expect(200);
    expect(declined.body).toMatchObject({
      expertName: `${script}专家`,
      title: `${script}职称`,
      organization: `${script}单位`,
      phone: `${script}1`,
      topic: `${script}议题`,
      answerNote: `${script}说明`,
    });
    const lines = await timeline(incident.id);
    expect(lines.map((l) => l.summary)).toContain(`邀请专家${script}专家（危险化学品）远程会商：${script}议题`);
  });

  it('recommends by the incident’s category and the active plans’ groups, experts engaged elsewhere last', async () => {
    // 张三 accepted on an incident still in response (the earlier test): engaged elsewhere.
    const busy = await newIncident();
    await invite(busy.id, { expertId: experts['张三'], topic: '会商' }).expect(201);
    await answer(busy.id, experts['张三']!, 'accept').expect(200);

    const planId = await publishedPlan(t, admin.token, {
      groups: [
        {
          name: '医疗救治组',
          leadAgency: '市卫生健康委',
          tasks: [{ title: '组织伤员救治', responseLevels: ['I', 'II', 'III', 'IV'] }],
        },
      ],
    });
    const incident = await newIncident({
      casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 1 },
    });
    await t
      .post(`/api/v1/incidents/${incident.id}/plan-activations`)
      .send({ planId, level: 'IV', reason: '被困 1 人' })
      .expect(201);
    const view = await t.get(`/api/v1/incidents/${incident.id}/expert-recommendations`).expect(200);
    expect(view.body.incidentId).toBe(incident.id);
    expect(view.body.neededSpecialties).toEqual(
      expect.arrayContaining([
        { specialty: 'hazardous_chemicals', label: '危险化学品', from: 'category' },
        { specialty: 'medical', label: '医疗救护', from: 'plan' },
      ]),
    );
    const names = view.body.experts.map((e: { name: string }) => e.name);
    // 李四 matches two specialties; 赵六 the plan's; 张三 is engaged elsewhere, so last; mines are not asked for.
    expect(names.indexOf('李四')).toBe(0);
    expect(names).toContain('赵六');
    expect(names[names.length - 1]).toBe('张三');
    expect(names).not.toContain('王五');
    expect(names).not.toContain('孙七');
    const zhang = view.body.experts.find((e: { name: string }) => e.name === '张三');
    expect(zhang).toMatchObject({ engaged: true, invited: false, matchedSpecialtyLabels: ['危险化学品'] });
    expect(zhang.reason).toContain('正在参加其他事故的会商');
    const zhao = view.body.experts.find((e: { name: string }) => e.name === '赵六');
    expect(zhao.reason).toContain('医疗救治组');

    // Coal and non-coal mines call for their own experts (the older `mining`, which told neither, asks for both: the
    // unit test of needed-specialties covers it, as no new incident may use it).
    const coal = await newIncident({ category: 'coal_mine' });
    const coalExperts = await t.get(`/api/v1/incidents/${coal.id}/expert-recommendations`).expect(200);
    expect(coalExperts.body.experts.map((e: { name: string }) => e.name)).toEqual(['王五']);
    const nonCoal = await newIncident({ category: 'non_coal_mine' });
    const nonCoalExperts = await t.get(`/api/v1/incidents/${nonCoal.id}/expert-recommendations`).expect(200);
    expect(nonCoalExperts.body.experts.map((e: { name: string }) => e.name)).toEqual(['孙七']);
  });
});
