import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedDemoData } from '../../apps/command-api/src/demo/seed-demo-data';
import { DEMO_SENSOR_SETS, seedDemoSensors } from '../../apps/command-api/src/demo/seed-demo-sensors';
import type { SensorView } from '../../libs/monitoring/src/contract';
import { enterpriseBody } from '../support/enterprises/enterprise-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** The demo sensors land on the demo hazard sources (marked 【演示】), once however often the server starts. */
describe('demo sensors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ MONITORING_TICK_MS: '3600000' });
  });
  afterAll(() => t?.close());

  it('registers the sensors of a demo liquid-ammonia tank farm once, and none on other units', async () => {
    const admin = await t.user(['admin']);
    const enterprise = (await t.post('/api/v1/enterprises', admin.token).send(enterpriseBody()).expect(201)).body as {
      id: string;
    };
    const source = (name: string) =>
      t
        .post('/api/v1/hazard-sources', admin.token)
        .send({
          enterpriseId: enterprise.id,
          name,
          unitKind: 'storage',
          exposedPopulation: 120,
          substances: [{ casNo: '7664-41-7', name: '液氨', quantityTonnes: 300 }],
        })
        .expect(201)
        .then((r) => r.body as { id: string });
    const demo = await source('【演示】液氨储罐区');
    const real = await source('液氨储罐区（非演示）');

    expect(await seedDemoSensors(t.app)).toBe(4);
    expect(await seedDemoSensors(t.app)).toBe(0);
    const sensors = (await t.get(`/api/v1/hazard-sources/${demo.id}/sensors`).expect(200)).body as SensorView[];
    expect(sensors.map((s) => s.code).sort()).toEqual(['NH3T-AT01', 'NH3T-LT01', 'NH3T-PT01', 'NH3T-TT01']);
    expect(sensors.find((s) => s.code === 'NH3T-AT01')).toMatchObject({
      kind: 'toxic_gas',
      unit: 'ppm',
      thresholds: { high: 35, highHigh: 70, low: null, lowLow: null },
      expectedIntervalSeconds: 10,
    });
    expect((await t.get(`/api/v1/hazard-sources/${real.id}/sensors`).expect(200)).body).toEqual([]);
  });
});

/** The whole demo chain as the start command runs it: enterprises, their hazard sources, then the sensors on them. */
describe('demo sensors from the start command’s seeding', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ MONITORING_TICK_MS: '3600000' });
  });
  afterAll(() => t?.close());

  it('every demo hazard source of a known kind carries its sensors, in its own jurisdiction', async () => {
    const keysFile = join(mkdtempSync(join(tmpdir(), 'demo-device-keys-')), 'demo-device-keys.json');
    await seedDemoData(t.app, keysFile);
    const sources = (await t.get('/api/v1/hazard-sources').expect(200)).body as {
      id: string;
      name: string;
      jurisdiction: string;
    }[];
    const demo = sources.filter((s) => s.name.startsWith('【演示】'));
    expect(demo.length).toBeGreaterThan(0);
    let total = 0;
    for (const source of demo) {
      const set = DEMO_SENSOR_SETS.find((s) => source.name.includes(s.match));
      const sensors = (await t.get(`/api/v1/hazard-sources/${source.id}/sensors`).expect(200)).body as SensorView[];
      expect({ source: source.name, count: sensors.length }).toEqual({
        source: source.name,
        count: set?.sensors.length ?? 0,
      });
      for (const sensor of sensors) expect(sensor.jurisdiction).toBe(source.jurisdiction);
      total += sensors.length;
    }
    expect(total).toBeGreaterThanOrEqual(10);
    expect(await seedDemoSensors(t.app)).toBe(0);
  });
});
