import request from 'supertest';
import type { AlarmView } from '../../libs/alarms/src/contract';
import { SensorWatch } from '../../libs/monitoring/src';
import type { OnlineRateView, SensorView } from '../../libs/monitoring/src/contract';
import { ManualClock } from '../../libs/shared/src';
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
const HOUR = 3600 * SEC;

/**
 * Readings and sensors against a hostile or careless gateway and register, over real HTTP on a manual clock: values
 * that would overflow the aggregates, a gateway retrying a batch, a replayed old reading pretending liveness, a
 * hazard source retired under its sensors, and thresholds and deadbands that could never alarm or never clear.
 */
describe('online monitoring under hostile input (在线监测的防护)', () => {
  const clock = new ManualClock(new Date(Math.floor(Date.now() / 1000) * 1000));
  let t: TestApp;
  let admin: TestUser;
  let a: MonitoredEnterprise;
  let b: MonitoredEnterprise;
  beforeAll(async () => {
    // A wide flush window so that concurrent requests share one insert statement.
    t = await startTestApp({ MONITORING_TICK_MS: '3600000', MONITORING_FLUSH_MS: '150' }, { clock });
    admin = await t.user(['admin']);
    a = await monitoredEnterprise(t, admin.token);
    b = await monitoredEnterprise(t, admin.token);
  });
  afterAll(() => t?.close());

  const sensor = async (id: string) => (await t.get(`/api/v1/monitoring/sensors/${id}`).expect(200)).body as SensorView;
  const rawCount = async (id: string): Promise<number> => {
    const [row] = await t.sql<{ n: number }>(
      `select count(*)::int as n from monitoring_readings where sensor_id = $1`,
      [id],
    );
    return row!.n;
  };

  it('one gateway posting overflowing values cannot sink another enterprise’s readings in the same batch', async () => {
    const sa = await registerSensor(t, admin.token, a.hazardSourceId, sensorBody('OV-1'));
    const sb = await registerSensor(t, admin.token, b.hazardSourceId, sensorBody('OV-1'));
    clock.advance(SEC);
    const at = clock.now();
    const [fromA, fromB] = await Promise.all([
      postReadings(t, a.deviceKey, [
        { sensorCode: 'OV-1', value: 1e308, at: at.toISOString() },
        { sensorCode: 'OV-1', value: 1.7e308, at: new Date(at.getTime() - 1).toISOString() },
      ]),
      postReadings(t, b.deviceKey, [{ sensorCode: 'OV-1', value: 5, at: at.toISOString() }]),
    ]);
    expect(fromA.status).toBe(202);
    expect(fromA.body.accepted).toBe(0);
    expect(fromA.body.rejected).toHaveLength(2);
    expect(fromA.body.rejected[0].reason).toContain('超出可接收范围');
    expect(fromB.status).toBe(202);
    expect(fromB.body).toEqual({ accepted: 1, rejected: [] });
    expect(await rawCount(sb.id)).toBe(1);
    expect(await rawCount(sa.id)).toBe(0);
    expect((await sensor(sb.id)).lastValue).toBe(5);
  });

  it('a reading the database refuses is refused to its own caller only; the batch it shared is stored', async () => {
    // A check the validation cannot know of (here a trigger), to make one reading fail in the shared statement.
    await t.sql(`create function hostile_reading_refused() returns trigger language plpgsql as $$
      begin if new.value = 777.25 then raise exception 'refused for the test'; end if; return new; end $$`);
    await t.sql(`create trigger hostile_reading_refused before insert on monitoring_readings
      for each row execute function hostile_reading_refused()`);
    try {
      const sa = await registerSensor(t, admin.token, a.hazardSourceId, sensorBody('TR-1'));
      const sb = await registerSensor(t, admin.token, b.hazardSourceId, sensorBody('TR-1'));
      clock.advance(SEC);
      const at = clock.now();
      const [fromA, fromB] = await Promise.all([
        postReadings(t, a.deviceKey, [
          { sensorCode: 'TR-1', value: 777.25, at: at.toISOString() },
          { sensorCode: 'TR-1', value: 3, at: new Date(at.getTime() - 1).toISOString() },
        ]),
        postReadings(t, b.deviceKey, [{ sensorCode: 'TR-1', value: 5, at: at.toISOString() }]),
      ]);
      expect(fromB.status).toBe(202);
      expect(fromB.body).toEqual({ accepted: 1, rejected: [] });
      expect(fromA.status).toBe(202);
      expect(fromA.body).toEqual({ accepted: 1, rejected: [{ index: 0, reason: '传感器读数未能写入，请稍后重发' }] });
      expect(await rawCount(sb.id)).toBe(1);
      expect(await rawCount(sa.id)).toBe(1);
    } finally {
      await t.sql(`drop trigger hostile_reading_refused on monitoring_readings`);
      await t.sql(`drop function hostile_reading_refused()`);
    }
  });

  it('while the database cannot store readings the gateway is told to retry (503, Retry-After), not that its readings are wrong', async () => {
    // The SQLSTATE a server answers while it cannot take connections (57P03), raised for every reading.
    await t.sql(`create function hostile_readings_unavailable() returns trigger language plpgsql as $$
      begin raise exception 'cannot store now' using errcode = '57P03'; end $$`);
    await t.sql(`create trigger hostile_readings_unavailable before insert on monitoring_readings
      for each row execute function hostile_readings_unavailable()`);
    const s = await registerSensor(t, admin.token, a.hazardSourceId, sensorBody('DOWN-1'));
    clock.advance(SEC);
    const reading = { sensorCode: 'DOWN-1', value: 2, at: clock.now().toISOString() };
    try {
      const answer = await postReadings(t, a.deviceKey, [reading]);
      expect(answer.status).toBe(503);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
      expect(await rawCount(s.id)).toBe(0);
    } finally {
      await t.sql(`drop trigger hostile_readings_unavailable on monitoring_readings`);
      await t.sql(`drop function hostile_readings_unavailable()`);
    }
    // The same retried batch is stored once the database is back.
    await postReadings(t, a.deviceKey, [reading]).expect(202);
    expect(await rawCount(s.id)).toBe(1);
  });

  it('an impossible calendar date is refused, not rolled over into the next month', async () => {
    await registerSensor(t, admin.token, a.hazardSourceId, sensorBody('DT-1'));
    const answer = await postReadings(t, a.deviceKey, [
      { sensorCode: 'DT-1', value: 1, at: '2026-02-31T08:00:00Z' },
    ]).expect(202);
    expect(answer.body.accepted).toBe(0);
    expect(answer.body.rejected[0].reason).toContain('ISO 8601');
  });

  it('a gateway retrying a batch stores each reading once and the aggregates count it once', async () => {
    const s = await registerSensor(t, admin.token, a.hazardSourceId, sensorBody('DUP-1'));
    clock.advance(SEC);
    const batch = [
      { sensorCode: 'DUP-1', value: 4, at: clock.now().toISOString() },
      { sensorCode: 'DUP-1', value: 4, at: clock.now().toISOString() },
    ];
    await postReadings(t, a.deviceKey, batch).expect(202);
    await postReadings(t, a.deviceKey, batch).expect(202);
    expect(await rawCount(s.id)).toBe(1);
    const [minute] = await t.sql<{ sum: number; count: number }>(
      `select sum, count from monitoring_readings_minute where sensor_id = $1`,
      [s.id],
    );
    expect(minute).toEqual({ sum: 4, count: 1 });
  });

  it('replaying an old reading every hour does not keep a silent sensor online', async () => {
    const s = await registerSensor(t, admin.token, a.hazardSourceId, sensorBody('LIVE-1'));
    clock.advance(SEC);
    const reading = { sensorCode: 'LIVE-1', value: 4, at: clock.now().toISOString() };
    await postReadings(t, a.deviceKey, [reading]).expect(202);
    expect((await sensor(s.id)).online).toBe(true);
    const watch = t.app.get(SensorWatch);
    for (let hour = 1; hour <= 10; hour++) {
      clock.advance(HOUR);
      await postReadings(t, a.deviceKey, [reading]).expect(202);
      await watch.tick();
    }
    const after = await sensor(s.id);
    expect(after.online).toBe(false);
    expect(after.lastReadingAt).toBe(reading.at);
    // A fresh reading brings it back.
    await postReadings(t, a.deviceKey, [{ ...reading, at: clock.now().toISOString() }]).expect(202);
    expect((await sensor(s.id)).online).toBe(true);
  });

  it('a sensor needs a threshold, and a deadband narrower than the gaps between neighbouring thresholds', async () => {
    const none = await t
      .post(`/api/v1/hazard-sources/${a.hazardSourceId}/sensors`, admin.token)
      .send(sensorBody('NT-1', { thresholds: {} }))
      .expect(400);
    expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(none.body.code).toBe('SENSOR_THRESHOLDS_MISSING');
    expect(none.body.detail).toContain('至少须设定一个报警阈值');
    const wide = await t
      .post(`/api/v1/hazard-sources/${a.hazardSourceId}/sensors`, admin.token)
      .send(sensorBody('DB-1', { deadband: 5 }))
      .expect(400);
    expect(wide.body.code).toBe('SENSOR_DEADBAND_TOO_WIDE');
    expect(wide.body.detail).toContain('死区（5）须小于相邻报警阈值之差');
    const ok = await registerSensor(t, admin.token, a.hazardSourceId, sensorBody('DB-2', { deadband: 0.4 }));
    const patched = await request(t.baseUrl)
      .patch(`/api/v1/monitoring/sensors/${ok.id}`)
      .set('Authorization', `Bearer ${admin.token}`)
      .set('If-Match', String(ok.revision))
      .send({ thresholds: { high: 8, highHigh: 8.2 } })
      .expect(400);
    expect(patched.body.code).toBe('SENSOR_DEADBAND_TOO_WIDE');
  });

  it('retiring a hazard source retires its sensors, ends their alarms and refuses new ones', async () => {
    const c = await monitoredEnterprise(t, admin.token);
    const s = await registerSensor(t, admin.token, c.hazardSourceId, sensorBody('RET-1'));
    for (const value of [9.5, 9.5]) {
      clock.advance(SEC);
      await postReadings(t, c.deviceKey, [{ sensorCode: 'RET-1', value, at: clock.now().toISOString() }]).expect(202);
    }
    const alarmsOf = async () =>
      ((await t.get('/api/v1/alarms?kind=monitoring').expect(200)).body as AlarmView[]).filter(
        (x) => x.subject.id === s.id,
      );
    expect((await alarmsOf()).filter((x) => x.status !== 'resolved').length).toBeGreaterThan(0);

    await t
      .post(`/api/v1/hazard-sources/${c.hazardSourceId}/retire`, admin.token)
      .send({ reason: '储罐拆除' })
      .expect(200);
    const steps = await t.app.get(SensorWatch).tick();
    expect(steps).toContainEqual({ kind: 'retired', sensorId: s.id });
    expect(await sensor(s.id)).toMatchObject({ status: 'retired' });
    const ended = await alarmsOf();
    expect(ended.length).toBeGreaterThan(0);
    for (const alarm of ended) expect([alarm.status, alarm.resolution]).toEqual(['resolved', 'sensor_removed']);
    const rate = (await t.get('/api/v1/monitoring/online-rate?jurisdiction=640571').expect(200)).body as OnlineRateView;
    expect(rate.enterprises.find((e) => e.enterpriseId === c.enterpriseId)).toBeUndefined();

    const refused = await t
      .post(`/api/v1/hazard-sources/${c.hazardSourceId}/sensors`, admin.token)
      .send(sensorBody('RET-2'))
      .expect(409);
    expect(refused.body.code).toBe('SENSOR_HAZARD_SOURCE_RETIRED');
    expect(refused.body.detail).toContain('已核销');
    const late = await postReadings(t, c.deviceKey, [
      { sensorCode: 'RET-1', value: 3, at: clock.now().toISOString() },
    ]).expect(202);
    expect(late.body.accepted).toBe(0);
  });
});
