import type { INestApplication } from '@nestjs/common';
import { OFFERED_INCIDENT_CATEGORIES } from '@app/incidents';
import {
  noRecordedFigures,
  targetDocumentAggregate,
  targetDocumentId,
  type TargetDenominators,
  type TargetRecordedFigures,
  type TargetSpec,
} from '@app/targets';
import { demoContext as context, demoExecutor } from './demo-commands';

/**
 * 中卫市's assessment targets for 2026 in the shape of the municipal 十四五 target table, split to its districts and
 * counties. Every figure is invented for the demo — the GDP (亿元) and motor-vehicle (万辆) denominators included — and
 * says nothing about the real city.
 */
const ceiling = (indicator: TargetSpec['indicator'], value: number, category: string | null = null): TargetSpec => ({
  indicator,
  kind: 'ceiling',
  value,
  baselineYear: null,
  category,
});
const reduction = (indicator: TargetSpec['indicator'], value: number, baselineYear: number): TargetSpec => ({
  indicator,
  kind: 'reduction',
  value,
  baselineYear,
  category: null,
});

export const DEMO_TARGET_DOCUMENTS: {
  jurisdiction: string;
  year: number;
  targets: TargetSpec[];
  denominators: TargetDenominators;
  recorded?: TargetRecordedFigures;
}[] = [
  // The baseline year: the system was not in use yet, so its figures are entered as the statistics yearbook would
  // give them (invented: 演示数据，纯属虚构), deaths counted with the missing as the city counts them. The 2026
  // reductions take their baselines from here instead of from the (absent) 2025 incidents.
  {
    jurisdiction: '640500',
    year: 2025,
    targets: [],
    denominators: { gdp100mYuan: 482.6, vehicles10k: 31.8 },
    recorded: {
      incidents: 152,
      deaths: 46,
      majorOrAboveIncidents: 3,
      categories: [
        { category: 'road_traffic', incidents: 118, deaths: 29, majorOrAboveIncidents: 1 },
        { category: 'coal_mine', incidents: 2, deaths: 3, majorOrAboveIncidents: 1 },
      ],
    },
  },
  {
    jurisdiction: '640500',
    year: 2026,
    targets: [
      reduction('deaths', 15, 2025),
      ceiling('major_or_above_share', 0.02),
      reduction('deaths_per_100m_gdp', 33, 2025),
      reduction('deaths_per_10k_vehicles', 10, 2025),
      // 年均较大事故起数 < 3 起: at most 2.
      ceiling('major_or_above_incidents', 2),
      ceiling('incidents', 0, 'coal_mine'),
    ],
    denominators: { gdp100mYuan: 508.3, vehicles10k: 33.4 },
  },
  // The split to the districts and counties (invented): their count ceilings add up within the city's.
  {
    jurisdiction: '640502',
    year: 2026,
    targets: [ceiling('deaths', 6), ceiling('major_or_above_incidents', 1)],
    denominators: { gdp100mYuan: null, vehicles10k: null },
  },
  {
    jurisdiction: '640521',
    year: 2026,
    targets: [ceiling('deaths', 5), ceiling('major_or_above_incidents', 1)],
    denominators: { gdp100mYuan: null, vehicles10k: null },
  },
  {
    jurisdiction: '640522',
    year: 2026,
    targets: [ceiling('deaths', 4), ceiling('major_or_above_incidents', 0), ceiling('incidents', 0, 'coal_mine')],
    denominators: { gdp100mYuan: null, vehicles10k: null },
  },
];

/** Sets the demo target documents through the one write path; a second start appends nothing (same content). */
export async function seedDemoTargets(app: INestApplication): Promise<number> {
  const executor = demoExecutor(app);
  let set = 0;
  for (const doc of DEMO_TARGET_DOCUMENTS) {
    const id = targetDocumentId(doc.jurisdiction, doc.year);
    const result = await executor.execute(
      targetDocumentAggregate,
      id,
      {
        type: 'SetTargets',
        jurisdiction: doc.jurisdiction,
        year: doc.year,
        targets: doc.targets,
        denominators: doc.denominators,
        recorded: doc.recorded ?? noRecordedFigures(),
        knownCategories: OFFERED_INCIDENT_CATEGORIES,
        now: executor.now(),
      },
      { ...context(`demo-targets-${id}`), jurisdiction: doc.jurisdiction },
    );
    if (!result.replayed && result.position) set++;
  }
  return set;
}
