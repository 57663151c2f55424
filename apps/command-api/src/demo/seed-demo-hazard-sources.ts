import type { INestApplication } from '@nestjs/common';
import { idempotentAggregateId } from '@app/event-sourcing';
import { hazardSourceAggregate, type SubstanceInput } from '@app/enterprises';
import { DEMO_ACTOR, demoContext as context, demoExecutor } from './demo-commands';
import { DEMO_ENTERPRISES } from './demo-enterprises';

/** An invented hazardous-chemical unit for the demo, with the grade its figures give (checked by the demo test). */
export interface DemoHazardSource {
  key: string;
  /** The demo enterprise that holds it (its name in DEMO_ENTERPRISES). */
  enterprise: string;
  name: string;
  unitKind: 'production' | 'storage';
  exposedPopulation: number;
  substances: SubstanceInput[];
  /** Null: identified, but not a major hazard source. */
  expectedGrade: 1 | 2 | 3 | 4 | null;
  /** A few hundred metres from the enterprise's position, so the map shows the units apart. */
  offset: { lat: number; lng: number };
}

export const DEMO_HAZARD_SOURCES: readonly DemoHazardSource[] = [
  {
    // Σ q/Q = 300/10 = 30; R = 2.0 (≥ 100 people) · 2 (ammonia) · 30 = 120 → 一级
    key: 'ammonia-tank-farm',
    enterprise: '【演示】海兴某煤化工有限公司',
    name: '【演示】液氨储罐区',
    unitKind: 'storage',
    exposedPopulation: 120,
    substances: [{ casNo: '7664-41-7', name: '液氨', quantityTonnes: 300 }],
    expectedGrade: 1,
    offset: { lat: 0.002, lng: 0.001 },
  },
  {
    // Σ = 50/5 = 10; R = 1.5 (50–99 people) · 4 (chlorine) · 10 = 60 → 二级
    key: 'chlorine-store',
    enterprise: '【演示】中卫某氯碱化工有限公司',
    name: '【演示】液氯钢瓶库',
    unitKind: 'storage',
    exposedPopulation: 60,
    substances: [{ casNo: '7782-50-5', name: '液氯', quantityTonnes: 50 }],
    expectedGrade: 2,
    offset: { lat: -0.001, lng: 0.002 },
  },
  {
    // Σ = 500/50 = 10; R = 1.2 (30–49 people) · 1.5 (flammable gas) · 10 = 18 → 三级
    key: 'lpg-tank-area',
    enterprise: '【演示】海兴某液化气储配站',
    name: '【演示】液化石油气储罐区',
    unitKind: 'storage',
    exposedPopulation: 40,
    substances: [
      { casNo: '74-98-6', name: '丙烷', quantityTonnes: 300 },
      { casNo: '106-97-8', name: '丁烷', quantityTonnes: 200 },
    ],
    expectedGrade: 3,
    offset: { lat: 0.001, lng: -0.002 },
  },
  {
    // Σ = 3000/500 = 6; R = 1.0 (1–29 people) · 1 · 6 = 6 → 四级
    key: 'methanol-tank-area',
    enterprise: '【演示】海兴某煤化工有限公司',
    name: '【演示】甲醇罐区',
    unitKind: 'storage',
    exposedPopulation: 20,
    substances: [{ casNo: '67-56-1', name: '甲醇', quantityTonnes: 3000 }],
    expectedGrade: 4,
    offset: { lat: -0.002, lng: -0.001 },
  },
  {
    // Σ = 12/10 + 3/5 + 50/500 = 1.9; R = 1.5 · (2·1.2 + 1.5·0.6 + 1·0.1) = 5.1 → 四级 (a production unit)
    key: 'ammonia-synthesis',
    enterprise: '【演示】海兴某煤化工有限公司',
    name: '【演示】合成氨装置',
    unitKind: 'production',
    exposedPopulation: 80,
    substances: [
      { casNo: '7664-41-7', name: '氨', quantityTonnes: 12 },
      { casNo: '1333-74-0', name: '氢气', quantityTonnes: 3 },
      { casNo: '67-56-1', name: '甲醇', quantityTonnes: 50 },
    ],
    expectedGrade: 4,
    offset: { lat: 0.0015, lng: 0.0025 },
  },
  {
    // Σ = 200/500 = 0.4 < 1: registered and identified, not a major hazard source (no grade)
    key: 'toluene-intermediate-tanks',
    enterprise: '【演示】中卫某精细化工有限公司',
    name: '【演示】甲苯中间罐区',
    unitKind: 'storage',
    exposedPopulation: 30,
    substances: [{ casNo: '108-88-3', name: '甲苯', quantityTonnes: 200 }],
    expectedGrade: null,
    offset: { lat: 0.001, lng: 0.001 },
  },
];

/**
 * Registers the invented demo units on the demo enterprises (apps/command-api/src/demo/demo-enterprises.ts, whose ids
 * the enterprise seeding derives from its keys) through the one write path, with idempotency keys, so a second start
 * appends nothing. Reads no read model: it may run before the projections caught up. Returns how many were new.
 */
export async function seedDemoHazardSources(app: INestApplication): Promise<number> {
  const executor = demoExecutor(app);
  const now = executor.now();
  let created = 0;
  for (const unit of DEMO_HAZARD_SOURCES) {
    const index = DEMO_ENTERPRISES.findIndex((e) => e.name === unit.enterprise);
    const enterprise = DEMO_ENTERPRISES[index];
    if (!enterprise) throw new Error(`demo hazard source ${unit.key}: no demo enterprise ${unit.enterprise}`);
    const enterpriseId = idempotentAggregateId('enterprise', DEMO_ACTOR, `demo-enterprise-${index + 1}`);
    const key = `demo-hazard-source-${unit.key}`;
    const id = idempotentAggregateId('hazardsource', DEMO_ACTOR, key);
    const result = await executor.execute(
      hazardSourceAggregate,
      id,
      {
        type: 'RegisterHazardSource',
        hazardSourceId: id,
        enterpriseId,
        enterpriseName: enterprise.name,
        jurisdiction: enterprise.jurisdiction,
        name: unit.name,
        unitKind: unit.unitKind,
        location: { lat: enterprise.lat + unit.offset.lat, lng: enterprise.lng + unit.offset.lng },
        exposedPopulation: unit.exposedPopulation,
        substances: unit.substances,
        now,
      },
      { ...context(key), jurisdiction: enterprise.jurisdiction },
    );
    if (!result.replayed) created++;
  }
  return created;
}
