import type { INestApplication } from '@nestjs/common';
import { HazardSourceRegister } from '@app/enterprises';
import {
  DEFAULT_DEBOUNCE_READINGS,
  sensorAggregate,
  sensorIdOf,
  type SensorKind,
  type SensorThresholds,
} from '@app/monitoring';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@app/event-sourcing/projections';
import { JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import { demoContext as context, demoExecutor } from './demo-commands';

/** One demo sensor; `code` is prefixed with its unit's prefix (codes are unique per enterprise). */
export interface DemoSensor {
  code: string;
  name: string;
  kind: SensorKind;
  unit: string;
  thresholds: Partial<SensorThresholds>;
  expectedIntervalSeconds: number;
}

/**
 * The sensors a kind of unit gets, chosen by a word of its name. Thresholds are invented but of the usual order:
 * combustible gas detectors alarm at 20 %LEL and 50 %LEL (first and second level, GB/T 50493-2019 sets at most 25 and
 * 50); toxic gas detectors at about the occupational limit and twice it (NH₃ 35/70 ppm, Cl₂ 1/2 ppm); tank levels
 * and pressures below the vessel's design figures.
 */
export const DEMO_SENSOR_SETS: readonly { match: string; prefix: string; sensors: DemoSensor[] }[] = [
  {
    match: '液氨储罐',
    prefix: 'NH3T',
    sensors: [
      level('LT01', '1# 液氨储罐液位', 'm', { lowLow: 0.5, low: 1, high: 8, highHigh: 8.8 }, 10),
      sensor('PT01', '1# 液氨储罐压力', 'pressure', 'MPa', { high: 1.6, highHigh: 1.8 }, 10),
      sensor('TT01', '1# 液氨储罐温度', 'temperature', '℃', { high: 40, highHigh: 45 }, 30),
      sensor('AT01', '罐区氨气浓度', 'toxic_gas', 'ppm', { high: 35, highHigh: 70 }, 10),
    ],
  },
  {
    match: '液氯',
    prefix: 'CL2',
    sensors: [
      sensor('AT01', '钢瓶库氯气浓度（东）', 'toxic_gas', 'ppm', { high: 1, highHigh: 2 }, 10),
      sensor('AT02', '钢瓶库氯气浓度（西）', 'toxic_gas', 'ppm', { high: 1, highHigh: 2 }, 10),
      sensor('TT01', '钢瓶库温度', 'temperature', '℃', { high: 35, highHigh: 40 }, 30),
    ],
  },
  {
    match: '液化石油气',
    prefix: 'LPG',
    sensors: [
      level('LT01', '1# 球罐液位（充装率）', '%', { lowLow: 10, low: 15, high: 85, highHigh: 90 }, 10),
      sensor('PT01', '1# 球罐压力', 'pressure', 'MPa', { high: 1.6, highHigh: 1.75 }, 10),
      sensor('GT01', '罐区可燃气体浓度', 'gas_concentration', '%LEL', { high: 20, highHigh: 50 }, 10),
    ],
  },
  {
    match: '甲醇',
    prefix: 'MEOH',
    sensors: [
      level('LT01', '1# 甲醇储罐液位', 'm', { lowLow: 1, low: 1.5, high: 14, highHigh: 15 }, 20),
      sensor('TT01', '1# 甲醇储罐温度', 'temperature', '℃', { high: 35, highHigh: 40 }, 30),
      sensor('GT01', '罐区可燃气体浓度', 'gas_concentration', '%LEL', { high: 20, highHigh: 50 }, 10),
    ],
  },
  {
    match: '合成氨',
    prefix: 'SYN',
    sensors: [
      sensor('PT01', '合成塔压力', 'pressure', 'MPa', { lowLow: 10, low: 12, high: 15.5, highHigh: 16.5 }, 10),
      sensor('TT01', '合成塔热点温度', 'temperature', '℃', { low: 380, high: 520, highHigh: 540 }, 10),
      sensor('AT01', '装置区氨气浓度', 'toxic_gas', 'ppm', { high: 35, highHigh: 70 }, 10),
      sensor('GT01', '压缩机房可燃气体浓度（氢气）', 'gas_concentration', '%LEL', { high: 20, highHigh: 50 }, 10),
    ],
  },
];

/** The demo units the hazard source seed registers are named with this mark. */
const DEMO_MARK = '【演示】';

/**
 * Registers the demo sensors on the demo hazard sources through the one write path, with idempotency keys (a second
 * start appends nothing). The hazard source register may still be catching up with its own seeding when this runs
 * (the seed's executor does not wait for read models), so it first waits (at most `waitMs`) until that read model has
 * applied every hazard source event stored. Returns how many were new.
 */
export async function seedDemoSensors(app: INestApplication, waitMs = 15_000): Promise<number> {
  const executor = demoExecutor(app);
  const jurisdictions = app.get<JurisdictionRegistry>(JURISDICTIONS);
  await registerCaughtUp(app.get<ProjectionRunner>(PROJECTION_RUNNER), waitMs);
  const sources = (await app.get(HazardSourceRegister).list({ scope: jurisdictions.codes() })).filter((s) =>
    s.name.startsWith(DEMO_MARK),
  );
  const now = executor.now();
  let created = 0;
  for (const source of sources) {
    const set = DEMO_SENSOR_SETS.find((s) => source.name.includes(s.match));
    if (!set) continue;
    for (const demo of set.sensors) {
      const code = `${set.prefix}-${demo.code}`;
      const sensorId = sensorIdOf(source.enterpriseId, code);
      const key = `demo-sensor-${source.enterpriseId}-${code}`;
      const result = await executor.execute(
        sensorAggregate,
        sensorId,
        {
          type: 'RegisterSensor',
          sensorId,
          enterpriseId: source.enterpriseId,
          hazardSourceId: source.id,
          jurisdiction: source.jurisdiction,
          code,
          name: demo.name,
          kind: demo.kind,
          unit: demo.unit,
          thresholds: { high: null, highHigh: null, low: null, lowLow: null, ...demo.thresholds },
          expectedIntervalSeconds: demo.expectedIntervalSeconds,
          tuning: { deadband: null, debounceReadings: DEFAULT_DEBOUNCE_READINGS, debounceSeconds: 0 },
          now,
        },
        { ...context(key), jurisdiction: source.jurisdiction },
      );
      if (!result.replayed && result.events.length > 0) created++;
    }
  }
  return created;
}

/** Until the hazard source register has no stored event left to apply (a projection that has applied nothing yet
 * is given two seconds to start). */
async function registerCaughtUp(runner: ProjectionRunner, waitMs: number): Promise<void> {
  const start = Date.now();
  for (;;) {
    const lag = (await runner.lag(new Date())).find((l) => l.name === 'hazard-source-register');
    if (lag ? lag.events === 0 : Date.now() - start > 2000) return;
    if (Date.now() - start > waitMs) return;
    await new Promise((r) => setTimeout(r, 250));
  }
}

function sensor(
  code: string,
  name: string,
  kind: SensorKind,
  unit: string,
  thresholds: Partial<SensorThresholds>,
  expectedIntervalSeconds: number,
): DemoSensor {
  return { code, name, kind, unit, thresholds, expectedIntervalSeconds };
}

function level(
  code: string,
  name: string,
  unit: string,
  thresholds: Partial<SensorThresholds>,
  expectedIntervalSeconds: number,
): DemoSensor {
  return sensor(code, name, 'level', unit, thresholds, expectedIntervalSeconds);
}
