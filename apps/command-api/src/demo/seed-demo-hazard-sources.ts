import type { INestApplication } from '@nestjs/common';
import { idempotentAggregateId } from '@app/event-sourcing';
import {
  EnterpriseRegister,
  hazardSourceAggregate,
  type EnterpriseIndustry,
  type EnterpriseView,
  type SubstanceInput,
} from '@app/enterprises';
import { DEMO_ACTOR, demoContext as context, demoExecutor } from './demo-commands';

/** An invented hazardous-chemical unit for the demo, with the grade its figures give (checked by the demo test). */
export interface DemoHazardSource {
  key: string;
  /** Preferred industry and a part of the name of the demo enterprise that holds it (the first that fits). */
  industry: EnterpriseIndustry;
  nameHint: string;
  name: string;
  unitKind: 'production' | 'storage';
  exposedPopulation: number;
  substances: SubstanceInput[];
  expectedGrade: 1 | 2 | 3 | 4;
  /** A few hundred metres from the enterprise's position, so the map shows the units apart. */
  offset: { lat: number; lng: number };
}

export const DEMO_HAZARD_SOURCES: readonly DemoHazardSource[] = [
  {
    // Σ q/Q = 300/10 = 30; R = 2.0 (≥ 100 people) · 2 (ammonia) · 30 = 120 → 一级
    key: 'ammonia-tank-farm',
    industry: 'hazardous_chemicals',
    nameHint: '化',
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
    industry: 'hazardous_chemicals',
    nameHint: '化',
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
    industry: 'gas',
    nameHint: '气',
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
    industry: 'hazardous_chemicals',
    nameHint: '醇',
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
    industry: 'hazardous_chemicals',
    nameHint: '化',
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
];

/**
 * Registers the invented demo units on the demo enterprises through the one write path. Each unit goes to the first
 * registered enterprise of its industry whose name contains its hint (else the first of its industry, else the first
 * hazardous-chemicals enterprise); the idempotency key names unit and enterprise, so a second start appends nothing.
 * Returns how many were new (0 when the register holds no enterprise yet).
 */
export async function seedDemoHazardSources(app: INestApplication): Promise<number> {
  const executor = demoExecutor(app);
  const register = app.get(EnterpriseRegister);
  const enterprises = await demoEnterprises(register);
  if (enterprises.length === 0) return 0;
  const now = executor.now();
  let created = 0;
  for (const unit of DEMO_HAZARD_SOURCES) {
    const enterprise = holderOf(unit, enterprises);
    if (!enterprise) continue;
    const key = `demo-hazard-source-${unit.key}-${enterprise.id}`;
    const id = idempotentAggregateId('hazardsource', DEMO_ACTOR, key);
    const result = await executor.execute(
      hazardSourceAggregate,
      id,
      {
        type: 'RegisterHazardSource',
        hazardSourceId: id,
        enterpriseId: enterprise.id,
        enterpriseName: enterprise.name,
        jurisdiction: enterprise.jurisdiction,
        name: unit.name,
        unitKind: unit.unitKind,
        location: { lat: enterprise.location.lat + unit.offset.lat, lng: enterprise.location.lng + unit.offset.lng },
        exposedPopulation: unit.exposedPopulation,
        substances: unit.substances,
        now,
      },
      context(key),
    );
    if (!result.replayed) created++;
  }
  return created;
}

/** The demo enterprises as the register shows them; waits a little for the register to catch up after seeding. */
async function demoEnterprises(register: EnterpriseRegister): Promise<EnterpriseView[]> {
  for (const deadline = Date.now() + 2_000; ; await new Promise((r) => setTimeout(r, 100))) {
    const all = (await register.list({})).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    if (all.length > 0 || Date.now() > deadline) return all;
  }
}

function holderOf(unit: DemoHazardSource, enterprises: readonly EnterpriseView[]): EnterpriseView | undefined {
  const ofIndustry = enterprises.filter((e) => e.industry === unit.industry);
  return (
    ofIndustry.find((e) => e.name.includes(unit.nameHint)) ??
    ofIndustry[0] ??
    enterprises.find((e) => e.industry === 'hazardous_chemicals')
  );
}
