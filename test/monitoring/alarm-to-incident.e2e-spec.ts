import { randomUUID } from 'node:crypto';
import type { IncidentIntakeDraft, MonitoringAlarmContext } from '../../libs/monitoring/src/contract';
import { overdueDeadlineAlarm } from '../support/alarm-fixtures';
import { highHighAlarm, type MonitoringAlarmChain } from '../support/alarm-to-incident/monitoring-alarm';
import { publishedPlan } from '../support/plan-fixtures';
import { registerTeam } from '../support/resource-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * From a monitoring alarm to an incident intake, over HTTP against the whole application: a gateway's reading past
 * 高高报 raises the alarm; the context names the enterprise, the hazard source, the teams and the plans; the draft is
 * the intake's first values and files nothing; only the officer's own POST /incidents files the incident.
 */
describe('from a monitoring alarm to an incident intake', () => {
  let t: TestApp;
  let admin: TestUser;
  let officer: TestUser;
  let chain: MonitoringAlarmChain;
  let hazmatTeam: string;
  let cityPlan: string;

  /** Incidents filed (their streams in the event store) and the events of incidents and alarms. */
  const incidentCount = async () =>
    (
      await t.sql<{ n: number }>(
        `select count(distinct stream_name)::int as n from es_events where category = 'incident'`,
      )
    )[0]!.n;
  const eventCount = async () =>
    (await t.sql<{ n: number }>(`select count(*)::int as n from es_events where category in ('incident', 'alarm')`))[0]!
      .n;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.user(['admin'], '640500');
    officer = await t.user(['duty_officer'], '640500');
    // A hazmat team next to the plant and a flood team just as near: the hazmat team comes first.
    hazmatTeam = await registerTeam(t, admin.token, {
      name: '园区危化救援队',
      specialties: ['hazardous_chemicals', 'fire'],
      base: { address: '中卫工业园区（测试）', lat: 37.535, lng: 105.147 },
    });
    await registerTeam(t, admin.token, {
      name: '防汛抢险队',
      specialties: ['flood'],
      base: { address: '中卫工业园区（测试）', lat: 37.533, lng: 105.146 },
    });
    cityPlan = await publishedPlan(t, admin.token, { title: '中卫市危险化学品事故专项应急预案' });
    await publishedPlan(t, admin.token, {
      title: '中卫市矿山事故专项应急预案',
      categories: ['coal_mine', 'non_coal_mine'],
    });
    chain = await highHighAlarm(t, admin.token, { enterprise: { name: '中卫美利化工有限公司（测试）' } });
  });
  afterAll(() => t?.close());

  describe('GET /alarms/{id}/context', () => {
    it('names the enterprise, the hazard source with grade and substances, the sensor past 高高报, teams and plans', async () => {
      const context = (await t.get(`/api/v1/alarms/${chain.alarm.id}/context`, officer.token).expect(200))
        .body as MonitoringAlarmContext;
      expect(context.alarmId).toBe(chain.alarm.id);
      expect(context.enterprise).toMatchObject({
        id: chain.enterpriseId,
        name: '中卫美利化工有限公司（测试）',
        creditCode: chain.creditCode,
        principal: { name: '王建国' },
      });
      expect(context.hazardSource.id).toBe(chain.hazardSourceId);
      expect(context.hazardSource.name).toBe('液氨储罐区');
      expect(context.hazardSource.substances.map((s) => s.casNo)).toEqual(['7664-41-7']);
      expect(context.hazardSource.grade).not.toBeNull();
      expect(context.hazardSource.gradeLabel).toMatch(/^[一二三四]级$/);
      expect(context.sensor).toMatchObject({ id: chain.sensor.id, band: 'high_high', lastValue: 9.7, unit: 'm' });
      expect(context.sensor.thresholds.highHigh).toBe(9);
      expect(context.nearbyTeams[0]).toMatchObject({ id: hazmatTeam, name: '园区危化救援队', statusLabel: '待命' });
      expect(context.nearbyTeams[0]!.specialtyLabels).toContain('危险化学品处置');
      expect(context.nearbyTeams.map((x) => x.name)).toContain('防汛抢险队');
      expect(context.matchingPlans).toEqual([
        { id: cityPlan, name: '中卫市危险化学品事故专项应急预案', kindLabel: '专项应急预案' },
      ]);
    });

    it('is read by every role of the jurisdiction, also a viewer', async () => {
      const viewer = await t.user(['viewer'], '640500');
      await t.get(`/api/v1/alarms/${chain.alarm.id}/context`, viewer.token).expect(200);
    });
  });

  describe('POST /alarms/{id}/open-incident', () => {
    it('answers the intake draft and files nothing: no incident, no event, the alarm still unacknowledged', async () => {
      const incidentsBefore = await incidentCount();
      const eventsBefore = await eventCount();
      const answer = await t.post(`/api/v1/alarms/${chain.alarm.id}/open-incident`, officer.token).send().expect(200);
      const draft = answer.body as IncidentIntakeDraft;
      expect(draft).toMatchObject({
        alarmId: chain.alarm.id,
        category: 'hazardous_chemicals',
        jurisdiction: '640571',
        enterpriseId: chain.enterpriseId,
        enterprise: '中卫美利化工有限公司（测试）',
        location: { address: '中卫工业园区纬三路（虚构地址）' },
        occurredAt: chain.alarm.raisedAt,
      });
      expect(draft.title).toBe('中卫美利化工有限公司（测试）·液氨储罐区 1# 液氨储罐液位 高高报');
      expect(draft.description).toContain('最近读数 9.7m');
      expect(draft.description).toContain('超过高高报阈值 9m');
      expect(draft.description).toContain('氨 40 吨（CAS 7664-41-7）');
      expect(draft.description).toMatch(/[一二三四]级重大危险源/);
      // Asked twice, the same draft; still nothing stored.
      const again = await t.post(`/api/v1/alarms/${chain.alarm.id}/open-incident`, officer.token).send().expect(200);
      expect(again.body).toEqual(draft);
      expect(await incidentCount()).toBe(incidentsBefore);
      expect(await eventCount()).toBe(eventsBefore);
      const alarm = await t.get(`/api/v1/alarms/${chain.alarm.id}`, officer.token).expect(200);
      expect(alarm.body).toMatchObject({ status: 'raised', acknowledgedBy: null, revision: chain.alarm.revision });
    });

    it('the officer files the draft as an incident naming the registered enterprise', async () => {
      const draft = (await t.post(`/api/v1/alarms/${chain.alarm.id}/open-incident`, officer.token).send().expect(200))
        .body as IncidentIntakeDraft;
      const before = await incidentCount();
      const filed = await t
        .post('/api/v1/incidents', officer.token)
        .send({
          title: draft.title,
          category: draft.category,
          occurredAt: draft.occurredAt,
          location: draft.location,
          jurisdiction: draft.jurisdiction,
          enterprise: draft.enterprise,
          enterpriseId: draft.enterpriseId,
          reporter: { name: '李安全', phone: '13995512345', organization: '企业安全科' },
          casualties: { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 },
          description: draft.description,
        })
        .expect(201);
      expect(filed.body).toMatchObject({ enterprise: '中卫美利化工有限公司（测试）', jurisdiction: '640571' });
      expect(filed.body.enterpriseId).toBe(chain.enterpriseId);
      expect(await incidentCount()).toBe(before + 1);
    });
  });

  describe('hostile callers', () => {
    it('an unknown alarm id is not found, a forged one is refused as input, neither a 500', async () => {
      for (const path of ['context', 'open-incident']) {
        const call = (id: string) =>
          path === 'context'
            ? t.get(`/api/v1/alarms/${id}/${path}`, officer.token)
            : t.post(`/api/v1/alarms/${id}/${path}`, officer.token).send();
        const unknown = await call(randomUUID()).expect(404);
        expect(unknown.body.code).toBe('ALARM_NOT_FOUND');
        expect(unknown.headers['content-type']).toContain('application/problem+json');
        for (const forged of ['not-an-id', "1' or '1'='1", '%00', '..%2F..%2Fusers']) {
          const refused = await call(forged);
          expect(refused.status).toBeGreaterThanOrEqual(400);
          expect(refused.status).toBeLessThan(500);
        }
      }
    });

    it('another county cannot see the park alarm: 404 for its officer, and no draft', async () => {
      const county = await t.user(['duty_officer'], '640521');
      const context = await t.get(`/api/v1/alarms/${chain.alarm.id}/context`, county.token).expect(404);
      expect(context.body.code).toBe('ALARM_NOT_FOUND');
      const draft = await t.post(`/api/v1/alarms/${chain.alarm.id}/open-incident`, county.token).send().expect(404);
      expect(draft.body.code).toBe('ALARM_NOT_FOUND');
      expect(JSON.stringify(draft.body)).not.toContain('中卫美利化工');
    });

    it('an alarm of another kind has no monitoring context and gives no draft: 409 ALARM_NOT_MONITORING', async () => {
      const deadline = await overdueDeadlineAlarm(t, '640521');
      const context = await t.get(`/api/v1/alarms/${deadline.id}/context`).expect(409);
      expect(context.body).toMatchObject({
        code: 'ALARM_NOT_MONITORING',
        details: { kind: 'deadline', kindLabel: '报告时限' },
      });
      expect(context.body.detail).toContain('不是在线监测告警');
      const draft = await t.post(`/api/v1/alarms/${deadline.id}/open-incident`).send().expect(409);
      expect(draft.body.code).toBe('ALARM_NOT_MONITORING');
    });

    it('roles that may not report get no draft (403), and a body smuggled in changes nothing', async () => {
      for (const role of ['viewer', 'drill_coordinator', 'admin'] as const) {
        const user = await t.user([role], '640500');
        const refused = await t.post(`/api/v1/alarms/${chain.alarm.id}/open-incident`, user.token).send().expect(403);
        expect(refused.body.code).toBe('FORBIDDEN');
      }
      const smuggled = await t
        .post(`/api/v1/alarms/${chain.alarm.id}/open-incident`, officer.token)
        .send({ enterpriseId: randomUUID(), jurisdiction: '640521', title: '<script>alert(1)</script>' });
      expect(smuggled.status).toBe(200);
      expect(smuggled.body).toMatchObject({ enterpriseId: chain.enterpriseId, jurisdiction: '640571' });
      expect(smuggled.body.title).not.toContain('<script>');
    });
  });
});
