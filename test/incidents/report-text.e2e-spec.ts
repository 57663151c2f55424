import type { TestApp } from '../support/test-app';
import { givenSignedIn } from '../support/signed-in';
import type { TestUser } from '../support/test-users';
import { incidentBody } from '../support/incident-fixtures';

/** GET /incidents/{id}/report-text: the 快报 / 续报 / 终报 text of 条例493 第十二条, printable and copyable. */
describe('report text of an incident', () => {
  let t: TestApp;
  let duty: TestUser;
  beforeAll(async () => ({ t, user: duty } = await givenSignedIn(['duty_officer'], '640500')));
  afterAll(() => t?.close());

  it('is plain text in 第十二条 order with names and local times, user text kept as text, no ids or codes', async () => {
    const script = '<script>alert(1)</script>';
    const reported = await t
      .post('/api/v1/incidents', duty.token)
      .send(incidentBody({ description: `储罐阀门泄漏 ${script}`, occurredAt: '2026-11-22T13:40:00+08:00' }))
      .expect(201);
    const response = await t.get(`/api/v1/incidents/${reported.body.id}/report-text`, duty.token).expect(200);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    const text = response.text;
    expect(text).toMatch(/^生产安全事故快报\n/);
    expect(text).toContain('报告单位：中卫市应急管理局');
    expect(text).toContain('2026年11月22日13时40分');
    expect(text).toContain(`三、事故简要经过：储罐阀门泄漏 ${script}`);
    expect(text).not.toContain(reported.body.id);
    expect(text).not.toMatch(/\b6405\d\d\b/);
    const followUp = await t
      .get(`/api/v1/incidents/${reported.body.id}/report-text?kind=follow_up`, duty.token)
      .expect(200);
    expect(followUp.text).toMatch(/^生产安全事故续报\n/);
  });

  it('refuses an unknown kind, and answers 404 for an incident outside the caller’s jurisdictions', async () => {
    const reported = await t
      .post('/api/v1/incidents')
      .send(incidentBody({ jurisdiction: '640522' }))
      .expect(201);
    const bad = await t.get(`/api/v1/incidents/${reported.body.id}/report-text?kind=draft`, duty.token).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    const neighbour = await t.user(['duty_officer'], '640521');
    await t.get(`/api/v1/incidents/${reported.body.id}/report-text`, neighbour.token).expect(404);
  });
});
