import request from 'supertest';
import type { AlarmView } from '../../libs/alarms/src/contract';
import { AlarmWatch } from '../../libs/alarms/src';
import { SensorWatch } from '../../libs/monitoring/src';
import type { OnlineRateView, SensorTrend, SensorView } from '../../libs/monitoring/src/contract';
import { ManualClock } from '../../libs/shared/src';
import { eventually } from '../support/eventually';
import {
  monitoredEnterprise,
  postReadings,
  registerSensor,
  sensorBody,
  type MonitoredEnterprise,
} from '../support/monitoring/monitoring-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';

const SEC = 1000;
const MIN = 60 * SEC;

/**
 * Online monitoring over real HTTP and Socket.IO on a manual clock: sensors registered on a hazard source of a real
 * enterprise, readings posted by its gateway with a device key the register issued, thresholds raising alarms in the
 * alarm centre (one for a flapping sensor), a silent sensor going offline, and the online rate.
 */
describe('online monitoring (在线监测)', () => {
  const clock = new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000));
  let t: TestApp;
  let admin: TestUser;
  let a: MonitoredEnterprise;
  let b: MonitoredEnterprise;
  beforeAll(async () => {
    // The watches run only when ticked by hand here.
    t = await startTestApp({ MONITORING_TICK_MS: '3600000', MONITORING_FLUSH_MS: '5' }, { clock });
    admin = await t.user(['admin']);
    a = await monitoredEnterprise(t, admin.token);
    b = await monitoredEnterprise(t, admin.token);
  });
  afterAll(() => t?.close());

  /** Posts readings one at a time, `stepSeconds` apart on the clock, each stamped with the clock's time. */
  const feed = async (key: string, code: string, values: number[], stepSeconds = 10) => {
    for (const value of values) {
      clock.advance(stepSeconds * SEC);
      const answer = await postReadings(t, key, [{ sensorCode: code, value, at: clock.now().toISOString() }]).expect(
        202,
      );
      expect(answer.body).toEqual({ accepted: 1, rejected: [] });
    }
  };
  const monitoringAlarms = async (sensorId: string, query = ''): Promise<AlarmView[]> =>
    ((await t.get(`/api/v1/alarms?kind=monitoring${query}`).expect(200)).body as AlarmView[]).filter(
      (alarm) => alarm.subject.id === sensorId,
    );
  const sensor = async (id: string) => (await t.get(`/api/v1/monitoring/sensors/${id}`).expect(200)).body as SensorView;

  describe('sensors and thresholds', () => {
    it('registers a sensor on a hazard source: 201 with the view, listed on the hazard source', async () => {
      const created = await registerSensor(t, admin.token, a.hazardSourceId, sensorBody('LT-101'));
      expect(created).toMatchObject({
        code: 'LT-101',
        name: '1# 液氨储罐液位',
        kind: 'level',
        kindLabel: '液位',
        unit: 'm',
        thresholds: { lowLow: 0.5, low: 1, high: 8, highHigh: 9 },
        expectedIntervalSeconds: 10,
        hazardSourceId: a.hazardSourceId,
        enterpriseId: a.enterpriseId,
        jurisdiction: '640571',
        lastValue: null,
        band: 'normal',
        bandLabel: '正常',
        online: false,
        status: 'active',
        revision: 0,
      });
      const listed = (await t.get(`/api/v1/hazard-sources/${a.hazardSourceId}/sensors`).expect(200))
        .body as SensorView[];
      expect(listed.map((s) => s.code)).toContain('LT-101');
    });

    it('refuses thresholds out of order with a Chinese problem, and leaves nothing registered', async () => {
      const bad = await t
        .post(`/api/v1/hazard-sources/${a.hazardSourceId}/sensors`, admin.token)
        .send(sensorBody('LT-BAD', { thresholds: { low: 5, high: 4, highHigh: 9 } }))
        .expect(400);
      expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(bad.body.code).toBe('SENSOR_THRESHOLDS_DISORDERED');
      expect(bad.body.detail).toContain('低报（5）须小于高报（4）');
      const listed = (await t.get(`/api/v1/hazard-sources/${a.hazardSourceId}/sensors`).expect(200))
        .body as SensorView[];
      expect(listed.map((s) => s.code)).not.toContain('LT-BAD');
    });

    it('the code is unique per enterprise, also when registrations race; another enterprise may use it', async () => {
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          t.post(`/api/v1/hazard-sources/${a.hazardSourceId}/sensors`, admin.token).send(sensorBody('PT-RACE')),
        ),
      );
      expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
      const refused = answers.find((r) => r.status === 409)!;
      expect(refused.body.code).toBe('SENSOR_CODE_TAKEN');
      expect(refused.body.detail).toContain('PT-RACE');
      await registerSensor(t, admin.token, b.hazardSourceId, sensorBody('PT-RACE'));
    });

    it('only an admin registers, and only on a hazard source in their jurisdiction', async () => {
      const duty = await t.user(['duty_officer']);
      await t
        .post(`/api/v1/hazard-sources/${a.hazardSourceId}/sensors`, duty.token)
        .send(sensorBody('X-1'))
        .expect(403);
      const elsewhere = await t.user(['admin'], '640522');
      const hidden = await t
        .post(`/api/v1/hazard-sources/${a.hazardSourceId}/sensors`, elsewhere.token)
        .send(sensorBody('X-1'))
        .expect(404);
      expect(hidden.body.code).toBe('HAZARD_SOURCE_NOT_FOUND');
      await t.get(`/api/v1/hazard-sources/${a.hazardSourceId}/sensors`, elsewhere.token).expect(404);
    });

    it('changes thresholds against the revision the caller saw (If-Match)', async () => {
      const created = await registerSensor(t, admin.token, a.hazardSourceId, sensorBody('TT-201', { unit: '℃' }));
      const patch = (revision: number, thresholds: Record<string, number>) =>
        request(t.baseUrl)
          .patch(`/api/v1/monitoring/sensors/${created.id}`)
          .set('Authorization', `Bearer ${admin.token}`)
          .set('If-Match', String(revision))
          .send({ thresholds, debounceReadings: 3 });
      const changed = await patch(0, { high: 50, highHigh: 60 }).expect(200);
      expect(changed.body).toMatchObject({
        thresholds: { high: 50, highHigh: 60, low: null, lowLow: null },
        tuning: { debounceReadings: 3, deadband: 0.2 },
        revision: 1,
      });
      expect((await patch(0, { high: 40 }).expect(412)).body.code).toBe('STALE_REVISION');
      expect((await patch(1, { high: 70, highHigh: 60 }).expect(400)).body.code).toBe('SENSOR_THRESHOLDS_DISORDERED');
    });
  });

  describe('readings over HTTP', () => {
    let level: SensorView;
    beforeAll(async () => {
      level = await registerSensor(t, admin.token, a.hazardSourceId, sensorBody('LT-301'));
      await registerSensor(t, admin.token, b.hazardSourceId, sensorBody('B-ONLY-1'));
    });

    it('no device key, or a bad one: 401 problem+json', async () => {
      const at = clock.now().toISOString();
      const missing = await postReadings(t, undefined, [{ sensorCode: 'LT-301', value: 1, at }]).expect(401);
      expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(missing.body.detail).toContain('设备密钥');
      await postReadings(t, 'not-a-key', [{ sensorCode: 'LT-301', value: 1, at }]).expect(401);
      // A user's token is no device key.
      await request(t.baseUrl)
        .post('/api/v1/monitoring/readings')
        .set('Authorization', `Bearer ${admin.token}`)
        .send({ readings: [{ sensorCode: 'LT-301', value: 1, at }] })
        .expect(401);
    });

    it('stores the good readings of a batch and refuses each bad one with its reason; malformed ones are counted', async () => {
      const before = await metric('malformed');
      clock.advance(10 * SEC);
      const now = clock.now();
      const answer = await postReadings(t, a.deviceKey, [
        { sensorCode: 'LT-301', value: 4.2, at: new Date(now.getTime() - 2 * SEC).toISOString() },
        { sensorCode: 'LT-301', value: 'abc', at: now.toISOString() },
        { sensorCode: 'LT-301', value: 4.3, at: '昨天' },
        { value: 4.4, at: now.toISOString() },
        { sensorCode: 'NO-SUCH', value: 1, at: now.toISOString() },
        // Enterprise B's sensor, named with enterprise A's key: A has no such sensor.
        { sensorCode: 'B-ONLY-1', value: 1, at: now.toISOString() },
        { sensorCode: 'LT-301', value: 4.5, at: new Date(now.getTime() + 3600 * SEC).toISOString() },
        { sensorCode: 'LT-301', value: 4.6, at: now.toISOString() },
      ]).expect(202);
      expect(answer.body.accepted).toBe(2);
      expect(answer.body.rejected.map((r: { index: number }) => r.index)).toEqual([1, 2, 3, 4, 5, 6]);
      const reasons = answer.body.rejected.map((r: { reason: string }) => r.reason) as string[];
      expect(reasons[0]).toContain('有限数值');
      expect(reasons[1]).toContain('ISO 8601');
      expect(reasons[2]).toContain('sensorCode');
      expect(reasons[3]).toContain('未在本企业登记');
      expect(reasons[4]).toContain('未在本企业登记');
      expect(reasons[5]).toContain('晚于当前时间');
      const stored = await t.sql<{ value: number }>(
        `select value from monitoring_readings where sensor_id = $1 order by at`,
        [level.id],
      );
      expect(stored.map((r) => r.value)).toEqual([4.2, 4.6]);
      expect(await metric('malformed')).toBe(before + 3);
      expect(await sensor(level.id)).toMatchObject({ lastValue: 4.6, lastReadingAt: now.toISOString(), online: true });
    });

    it("a key of enterprise A cannot feed enterprise B's sensor of the same code", async () => {
      const bSensor = (await t.get(`/api/v1/hazard-sources/${b.hazardSourceId}/sensors`).expect(200))
        .body as SensorView[];
      const shared = bSensor.find((s) => s.code === 'PT-RACE')!;
      const before = await t.sql<{ n: number }>(
        `select count(*)::int as n from monitoring_readings where sensor_id = $1`,
        [shared.id],
      );
      await postReadings(t, a.deviceKey, [{ sensorCode: 'PT-RACE', value: 3, at: clock.now().toISOString() }]).expect(
        202,
      );
      const after = await t.sql<{ n: number }>(
        `select count(*)::int as n from monitoring_readings where sensor_id = $1`,
        [shared.id],
      );
      expect(after[0]!.n).toBe(before[0]!.n);
    });

    it('an empty or oversized body is a 400 problem, never a 500', async () => {
      const empty = await request(t.baseUrl)
        .post('/api/v1/monitoring/readings')
        .set('X-Device-Key', a.deviceKey)
        .send({})
        .expect(400);
      expect(empty.body.code).toBe('READINGS_MISSING');
      const many = Array.from({ length: 1001 }, () => ({
        sensorCode: 'LT-301',
        value: 1,
        at: clock.now().toISOString(),
      }));
      expect((await postReadings(t, a.deviceKey, many).expect(400)).body.code).toBe('READINGS_TOO_MANY');
    });

    it('the trend answers raw points for a short span', async () => {
      const trend = (await t.get(`/api/v1/monitoring/sensors/${level.id}/readings`).expect(200)).body as SensorTrend;
      expect(trend).toMatchObject({ sensorId: level.id, unit: 'm', resolution: 'raw' });
      expect(trend.points.map((p) => p.value)).toEqual([4.2, 4.6]);
      const week = (
        await t
          .get(`/api/v1/monitoring/sensors/${level.id}/readings`)
          .query({
            from: new Date(clock.now().getTime() - 7 * 24 * 3600 * SEC).toISOString(),
            to: clock.now().toISOString(),
          })
          .expect(200)
      ).body as SensorTrend;
      expect(week.resolution).toBe('hour');
      expect(week.points).toHaveLength(1);
      expect(week.points[0]).toMatchObject({ min: 4.2, max: 4.6 });
    });
  });

  async function metric(outcome: 'accepted' | 'rejected' | 'malformed'): Promise<number> {
    const text = (await request(t.baseUrl).get('/metrics').expect(200)).text;
    const line = text
      .split('\n')
      .find((l) => l.startsWith(`monitoring_readings_since_start{via="http",outcome="${outcome}"}`));
    return Number(line?.split(' ').pop() ?? 0);
  }

  describe('threshold alarms', () => {
    it('a flapping sensor raises exactly one alarm, which clears once back past the deadband', async () => {
      const s = await registerSensor(t, admin.token, a.hazardSourceId, sensorBody('LT-FLAP'));
      // Around 高报 (8 m): single excursions, then a held one, then dithering inside the deadband (7.8 m).
      await feed(a.deviceKey, 'LT-FLAP', [7.9, 8.1, 7.9, 8.1, 7.95, 8.2, 8.3, 7.9, 8.1, 7.85, 8.05, 7.9]);
      const open = await monitoringAlarms(s.id);
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({
        kind: 'monitoring',
        severity: 'major',
        status: 'raised',
        jurisdiction: '640571',
        subject: { type: 'sensor', id: s.id },
      });
      expect(open[0]!.title).toContain('高报');
      expect(open[0]!.title).toContain('液氨储罐区');
      expect(open[0]!.title).toContain('LT-FLAP');
      expect(open[0]!.title).toContain('8.3 m');
      expect((await sensor(s.id)).band).toBe('high');
      await feed(a.deviceKey, 'LT-FLAP', [7.7, 7.6]);
      const ended = await monitoringAlarms(s.id);
      expect(ended).toHaveLength(1);
      expect(ended[0]).toMatchObject({ status: 'resolved', resolution: 'reading_normal' });
      expect((await sensor(s.id)).band).toBe('normal');
    });

    it('高高报 raises a critical alarm pushed to a console as alarm.raised; back to normal resolves it', async () => {
      const s = await registerSensor(t, admin.token, a.hazardSourceId, sensorBody('LT-HH'));
      const socket = await t.socket();
      const raised: { data: AlarmView }[] = [];
      socket.on('alarm.raised', (m: { data: AlarmView }) => raised.push(m));
      await feed(a.deviceKey, 'LT-HH', [5, 9.4, 9.6]);
      const pushed = await eventually(() => raised.find((m) => m.data.subject.id === s.id));
      expect(pushed.data).toMatchObject({ kind: 'monitoring', severity: 'critical', status: 'raised' });
      expect(pushed.data.title).toContain('高高报');
      expect(pushed.data.title).toContain('9.6 m');
      const listed = await monitoringAlarms(s.id);
      expect(listed.map((x) => x.severity)).toEqual(['critical']);
      await feed(a.deviceKey, 'LT-HH', [5, 5]);
      const after = await monitoringAlarms(s.id);
      expect(after.map((x) => [x.severity, x.status, x.resolution])).toEqual([
        ['critical', 'resolved', 'reading_normal'],
      ]);
    });

    it('the alarm watch leaves a pushed monitoring alarm open and escalates it while nobody acknowledges it', async () => {
      const s = await registerSensor(t, admin.token, a.hazardSourceId, sensorBody('LT-ESC'));
      await feed(a.deviceKey, 'LT-ESC', [0.2, 0.1]);
      const [alarm] = await monitoringAlarms(s.id);
      expect(alarm).toMatchObject({ severity: 'critical', status: 'raised', escalation: { level: 0 } });
      await t.app.get(AlarmWatch).tick();
      clock.advance(20 * MIN);
      await t.app.get(AlarmWatch).tick();
      const [after] = await monitoringAlarms(s.id);
      expect(after).toMatchObject({ status: 'raised', resolution: null });
      expect(after!.escalation.level).toBeGreaterThanOrEqual(1);
    });
  });

  describe('alarms kept in line with the sensors', () => {
    it('the sensor watch raises an alarm whose push was lost and ends one the state no longer implies', async () => {
      const s = await registerSensor(t, admin.token, a.hazardSourceId, sensorBody('LT-REC'));
      await feed(a.deviceKey, 'LT-REC', [8.5, 8.6]);
      const [raised] = await monitoringAlarms(s.id);
      expect(raised).toMatchObject({ status: 'raised', severity: 'major' });
      // As if the push that ended it had failed after the state committed.
      await t.sql(`update monitoring_sensor_live set band = 'normal' where sensor_id = $1`, [s.id]);
      const watch = t.app.get(SensorWatch);
      expect(await watch.tick()).toContainEqual({
        kind: 'reconciled',
        sourceKey: `monitoring:${s.id}:high`,
        action: 'resolved',
      });
      expect((await monitoringAlarms(s.id))[0]).toMatchObject({ status: 'resolved', resolution: 'reading_normal' });
      // As if the push that raised 低低报 had failed.
      await t.sql(`update monitoring_sensor_live set band = 'low_low', last_value = 0.1 where sensor_id = $1`, [s.id]);
      expect(await watch.tick()).toContainEqual({
        kind: 'reconciled',
        sourceKey: `monitoring:${s.id}:low_low`,
        action: 'raised',
      });
      const critical = (await monitoringAlarms(s.id)).find((x) => x.status === 'raised')!;
      expect(critical.severity).toBe('critical');
      expect(critical.title).toContain('0.1 m');
      // Nothing left to do: a second tick changes nothing for this sensor.
      expect((await watch.tick()).filter((x) => x.kind === 'reconciled' && x.sourceKey.includes(s.id))).toEqual([]);
    });

    it('retiring a sensor ends its alarms and refuses its readings', async () => {
      const s = await registerSensor(t, admin.token, a.hazardSourceId, sensorBody('LT-RET'));
      await feed(a.deviceKey, 'LT-RET', [9.5, 9.5]);
      expect((await monitoringAlarms(s.id)).map((x) => x.status)).toEqual(['raised']);
      const retired = await t
        .post(`/api/v1/monitoring/sensors/${s.id}/retire`, admin.token)
        .send({ reason: '更换液位计' })
        .expect(200);
      expect(retired.body).toMatchObject({ status: 'retired', online: false });
      expect((await monitoringAlarms(s.id)).map((x) => [x.status, x.resolution])).toEqual([
        ['resolved', 'sensor_removed'],
      ]);
      const answer = await postReadings(t, a.deviceKey, [
        { sensorCode: 'LT-RET', value: 5, at: clock.now().toISOString() },
      ]).expect(202);
      expect(answer.body.accepted).toBe(0);
      expect(answer.body.rejected[0].reason).toContain('已停用');
      const again = await t
        .post(`/api/v1/hazard-sources/${a.hazardSourceId}/sensors`, admin.token)
        .send(sensorBody('LT-RET'))
        .expect(409);
      expect(again.body.code).toBe('SENSOR_CODE_TAKEN');
    });
  });

  describe('offline and online rate', () => {
    it('a silent sensor goes offline with its own alarm; its next reading ends it; the online rate counts it', async () => {
      const c = await monitoredEnterprise(t, admin.token);
      const s1 = await registerSensor(
        t,
        admin.token,
        c.hazardSourceId,
        sensorBody('GT-1', { kind: 'toxic_gas', unit: 'ppm', thresholds: { high: 20, highHigh: 40 } }),
      );
      const s2 = await registerSensor(
        t,
        admin.token,
        c.hazardSourceId,
        sensorBody('GT-2', { kind: 'toxic_gas', unit: 'ppm', thresholds: { high: 20, highHigh: 40 } }),
      );
      await feed(c.deviceKey, 'GT-1', [3]);
      await feed(c.deviceKey, 'GT-2', [4]);
      const watch = t.app.get(SensorWatch);
      clock.advance(20 * SEC);
      await watch.tick();
      expect((await sensor(s1.id)).online).toBe(true);

      // 10 s interval × factor 3: silent for 40 s is offline.
      clock.advance(40 * SEC);
      await feed(c.deviceKey, 'GT-2', [4]);
      const steps = await watch.tick();
      expect(steps).toContainEqual(expect.objectContaining({ kind: 'offline', sensorId: s1.id }));
      expect(steps).not.toContainEqual(expect.objectContaining({ kind: 'offline', sensorId: s2.id }));
      const offline = await monitoringAlarms(s1.id);
      expect(offline).toHaveLength(1);
      expect(offline[0]).toMatchObject({ severity: 'major', status: 'raised' });
      expect(offline[0]!.title).toContain('传感器离线');
      expect(await sensor(s1.id)).toMatchObject({ online: false });
      expect((await sensor(s1.id)).offlineSince).not.toBeNull();
      // A second tick changes nothing.
      expect((await watch.tick()).filter((s) => s.kind === 'offline' && s.sensorId === s1.id)).toEqual([]);

      const rate = (await t.get('/api/v1/monitoring/online-rate?jurisdiction=640571').expect(200))
        .body as OnlineRateView;
      expect(rate.jurisdictionName).toBeTruthy();
      const mine = rate.enterprises.find((e) => e.enterpriseId === c.enterpriseId)!;
      expect(mine).toMatchObject({ sensors: 2, online: 1, rate: 0.5 });
      expect(mine.offline.map((o) => o.code)).toEqual(['GT-1']);
      expect(rate.sensors).toBeGreaterThanOrEqual(2);

      await feed(c.deviceKey, 'GT-1', [3]);
      const back = await monitoringAlarms(s1.id);
      expect(back.map((x) => [x.status, x.resolution])).toEqual([['resolved', 'sensor_online']]);
      const again = (await t.get('/api/v1/monitoring/online-rate?jurisdiction=640571').expect(200))
        .body as OnlineRateView;
      expect(again.enterprises.find((e) => e.enterpriseId === c.enterpriseId)).toMatchObject({ online: 2, rate: 1 });
    });

    it('a sensor that never reported goes offline after registration plus the grace', async () => {
      const s = await registerSensor(t, admin.token, a.hazardSourceId, sensorBody('NEVER-1'));
      const watch = t.app.get(SensorWatch);
      clock.advance(60 * SEC);
      expect((await watch.tick()).filter((x) => x.kind === 'offline' && x.sensorId === s.id)).toEqual([]);
      clock.advance(5 * MIN);
      expect(await watch.tick()).toContainEqual({ kind: 'offline', sensorId: s.id, silentSince: null });
      expect((await monitoringAlarms(s.id))[0]!.message).toContain('一直未上报');
    });

    it('the online rate is scoped to the reader', async () => {
      const elsewhere = await t.user(['duty_officer'], '640522');
      const refused = await t.get('/api/v1/monitoring/online-rate?jurisdiction=640571', elsewhere.token).expect(403);
      expect(refused.body.code).toBe('OUTSIDE_JURISDICTION');
      const own = (await t.get('/api/v1/monitoring/online-rate', elsewhere.token).expect(200)).body as OnlineRateView;
      expect(own).toMatchObject({ jurisdiction: '640522', sensors: 0, rate: null, enterprises: [] });
    });
  });
});
