import request from 'supertest';
import type { TestApp } from '../support/test-app';
import { givenSignedIn } from '../support/signed-in';
import type { TestUser } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';
import { enterpriseBody, registerEnterprise } from '../support/enterprises/enterprise-fixtures';

describe('incidents naming a registered enterprise; the register feeds the gazetteer', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => ({ t, user: admin } = await givenSignedIn(['admin'])));
  afterAll(() => t?.close());

  it('an incident names a registered enterprise: its name and id are kept, the report text describes the unit', async () => {
    const body = enterpriseBody({ name: '中卫某氯碱化工有限公司（测试）' }) as { creditCode: string };
    const enterpriseId = (await t.post('/api/v1/enterprises', admin.token).send(body).expect(201)).body.id;
    const reported = await t
      .post('/api/v1/incidents')
      .send(incidentBody({ enterprise: undefined, enterpriseId }))
      .expect(201);
    expect(reported.body).toMatchObject({ enterprise: '中卫某氯碱化工有限公司（测试）', enterpriseId });
    const text = await t.get(`/api/v1/incidents/${reported.body.id}/report-text`).expect(200);
    expect(text.text).toContain(
      `一、事故发生单位概况：中卫某氯碱化工有限公司（测试），统一社会信用代码 ${body.creditCode}，行业类别：危险化学品，` +
        '地址：中卫工业园区纬三路（虚构地址），主要负责人：王建国（联系电话 0955-7012345）。',
    );
    // A free-text unit stays possible and stays free text.
    const free = await t
      .post('/api/v1/incidents')
      .send(incidentBody({ enterprise: '某未登记作坊' }))
      .expect(201);
    expect(free.body).toMatchObject({ enterprise: '某未登记作坊', enterpriseId: null });
    const freeText = await t.get(`/api/v1/incidents/${free.body.id}/report-text`).expect(200);
    expect(freeText.text).toContain('一、事故发生单位概况：某未登记作坊。');
    // The board lists the enterprise's incidents (its record in the register links to them), and only those.
    const listed = await t.get(`/api/v1/incidents?enterpriseId=${enterpriseId}`).expect(200);
    expect(listed.body.map((i: { id: string }) => i.id)).toEqual([reported.body.id]);
    const bad = await t.get('/api/v1/incidents?enterpriseId=not-an-id').expect(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.body.errors)).toContain('enterpriseId 须为企业编号');
  });

  it('refuses an unknown enterprise, or one outside the incident’s jurisdiction, with 422 and a clear code', async () => {
    const unknown = await t
      .post('/api/v1/incidents')
      .send(incidentBody({ enterpriseId: '00000000-0000-4000-8000-000000000000' }))
      .expect(422);
    expect(unknown.body).toMatchObject({ code: 'INCIDENT_ENTERPRISE_UNKNOWN' });
    expect(unknown.body.detail).toContain('企业');
    const inZhongning = await registerEnterprise(t, admin.token, { jurisdiction: '640521' });
    const elsewhere = await t
      .post('/api/v1/incidents')
      .send(incidentBody({ jurisdiction: '640571', enterpriseId: inZhongning }))
      .expect(422);
    expect(elsewhere.body.code).toBe('INCIDENT_ENTERPRISE_OUTSIDE_JURISDICTION');
    // An incident of the city may name a unit of a county below it.
    await t
      .post('/api/v1/incidents')
      .send(incidentBody({ jurisdiction: '640500', enterpriseId: inZhongning }))
      .expect(201);
    // A reporter of another county does not learn that the enterprise exists.
    const haiyuan = await t.user(['duty_officer'], '640522');
    const hidden = await t
      .post('/api/v1/incidents', haiyuan.token)
      .send(incidentBody({ jurisdiction: '640522', enterpriseId: inZhongning }))
      .expect(422);
    expect(hidden.body.code).toBe('INCIDENT_ENTERPRISE_UNKNOWN');
  });

  it('a registered enterprise is found by the intake gazetteer (kind enterprise, with its id), and follows a rename', async () => {
    const id = await registerEnterprise(t, admin.token, { name: '海兴某液化气储配站（测试）', jurisdiction: '640572' });
    const found = await t.get('/api/v1/gazetteer').query({ q: '海兴某液化气储配站' }).expect(200);
    expect(found.body).toEqual([
      expect.objectContaining({
        kind: 'enterprise',
        enterpriseId: id,
        name: '海兴某液化气储配站（测试）',
        jurisdiction: '640572',
      }),
    ]);
    const renamed = await request(t.baseUrl)
      .patch(`/api/v1/enterprises/${id}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .send({ name: '海兴某燃气储配站（测试）' });
    expect(renamed.status).toBe(200);
    const after = await t.get('/api/v1/gazetteer').query({ q: '海兴某燃气储配站' }).expect(200);
    expect(after.body.map((e: { enterpriseId: string }) => e.enterpriseId)).toEqual([id]);
    const before = await t.get('/api/v1/gazetteer').query({ q: '海兴某液化气储配站' }).expect(200);
    expect(before.body).toEqual([]);
  });
});
