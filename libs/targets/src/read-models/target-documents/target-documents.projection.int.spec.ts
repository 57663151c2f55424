import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import type { TargetDocumentEvent } from '../../domain/target-document/target-document.events';
import { TargetDocumentRow } from './target-documents.entity';
import { TargetDocumentsProjection } from './target-documents.projection';

const set = (year: number, value: number, setAt: string): TargetDocumentEvent => ({
  type: 'TargetsSet',
  data: {
    jurisdiction: '640500',
    year,
    targets: [{ indicator: 'deaths', kind: 'ceiling', value, baselineYear: null, category: null }],
    denominators: { gdp100mYuan: 500, vehicles10k: null },
    setAt,
  },
});

describe('target documents projection', () => {
  let spec: ProjectionSpec;
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: () => [new TargetDocumentsProjection()],
      entities: [TargetDocumentRow],
    });
  }, 60_000); // a database of its own is created and migrated first
  afterAll(() => spec?.stop());

  it('keeps one row per jurisdiction and year, as last set, with who set it and the stream revision', async () => {
    await spec.given('targets-640500-2026', [set(2026, 12, '2026-01-05T02:00:00.000Z')], {
      jurisdiction: '640500',
      actorName: 'commander.a',
    });
    await spec.given('targets-640500-2026', [set(2026, 10, '2026-03-01T02:00:00.000Z')], {
      jurisdiction: '640500',
      actorName: 'commander.b',
    });
    await spec.given('targets-640500-2025', [set(2025, 20, '2025-01-05T02:00:00.000Z')], { jurisdiction: '640500' });
    const rows = (await spec.rows(TargetDocumentRow, { jurisdiction: '640500' })).sort((a, b) => a.year - b.year);
    expect(rows.map((r) => [r.id, r.year, r.targets[0]!.value, r.revision])).toEqual([
      ['640500-2025', 2025, 20, 0],
      ['640500-2026', 2026, 10, 1],
    ]);
    expect(rows[1]).toMatchObject({
      setBy: 'commander.b',
      setAt: new Date('2026-03-01T02:00:00.000Z'),
      denominators: { gdp100mYuan: 500, vehicles10k: null },
    });
  });

  it('keeps the entered figures; a document set before figures could be entered reads as none entered', async () => {
    const recorded = {
      incidents: 152,
      deaths: 46,
      majorOrAboveIncidents: null,
      categories: [{ category: 'road_traffic', incidents: null, deaths: 29, majorOrAboveIncidents: null }],
    };
    const old = set(2024, 30, '2024-01-05T02:00:00.000Z');
    const entered = set(2023, 30, '2023-01-05T02:00:00.000Z');
    await spec.given('targets-640500-2024', [old], { jurisdiction: '640500' });
    await spec.given('targets-640500-2023', [{ ...entered, data: { ...entered.data, recorded } }], {
      jurisdiction: '640500',
    });
    const rows = await spec.rows(TargetDocumentRow, { jurisdiction: '640500' });
    expect(rows.find((r) => r.year === 2024)!.recorded).toEqual({
      incidents: null,
      deaths: null,
      majorOrAboveIncidents: null,
      categories: [],
    });
    expect(rows.find((r) => r.year === 2023)!.recorded).toEqual(recorded);
  });
});
