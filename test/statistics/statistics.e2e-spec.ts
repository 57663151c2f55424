import { parse } from 'csv-parse/sync';
import { runningDrill } from '../support/running-drill';
import { startTestApp, type TestApp } from '../support/test-app';
import { incidentBody } from '../support/incident-fixtures';
import { seededRandom } from '@app/event-sourcing/testing/projections';

/**
 * Statistics against a direct count: a generated data set (real and drill incidents across jurisdictions, categories
 * and months, with follow-ups that change casualties and loss) goes in over HTTP; the test then folds the stored
 * events itself and compares every group the endpoint reports, JSON and CSV.
 */
const JURISDICTIONS = ['640500', '640502', '640521', '640522', '640571'];
const CATEGORIES = [
  'hazardous_chemicals',
  'coal_mine',
  'non_coal_mine',
  'fire',
  'road_traffic',
  'construction',
  'industry_trade',
];
const GRADES = ['general', 'major', 'serious', 'especially_serious'] as const;

interface Folded {
  jurisdiction: string;
  category: string;
  occurredAt: string;
  drillId: string | null;
  grade: string;
  deaths: number;
  missing: number;
  serious: number;
  minor: number;
  loss: number;
}
interface Line {
  key: string;
  incidents: number;
  deaths: number;
  missing: number;
  seriousInjuries: number;
  minorInjuries: number;
  injuries: number;
  directLossYuan: number;
  grades: Record<string, number>;
}

describe('statistics equal a direct count over the events', () => {
  let t: TestApp;
  const seed = Number(process.env.STATISTICS_SEED ?? 20261123);
  beforeAll(async () => {
    t = await startTestApp();
    const drillId = await runningDrill(t);
    const rand = seededRandom(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const count = (max: number) => (rand() < 0.5 ? 0 : Math.floor(rand() * max));
    for (let i = 0; i < 60; i++) {
      // Times around month boundaries in Beijing time, to catch grouping on UTC instead of the jurisdiction's calendar.
      const month = 1 + Math.floor(rand() * 10);
      const day =
        rand() < 0.3
          ? '01T00:30:00+08:00'
          : rand() < 0.5
            ? `${String(1 + Math.floor(rand() * 27)).padStart(2, '0')}T12:00:00+08:00`
            : `28T23:50:00+08:00`;
      const body = incidentBody({
        title: `统计测试 ${i}`,
        jurisdiction: pick(JURISDICTIONS),
        category: pick(CATEGORIES),
        occurredAt: `2026-${String(month).padStart(2, '0')}-${day}`,
        casualties: {
          deaths: count(12),
          missing: count(3),
          seriousInjuries: count(60),
          minorInjuries: count(20),
          trapped: 0,
        },
        directLossYuan: rand() < 0.2 ? undefined : Math.floor(rand() * 60_000_000),
        ...(rand() < 0.15 ? { drillId } : {}),
      });
      if (body.directLossYuan === undefined) delete body.directLossYuan;
      const id = (await t.post('/api/v1/incidents').send(body).expect(201)).body.id;
      if (rand() < 0.4)
        await t
          .post(`/api/v1/incidents/${id}/updates`)
          .send({
            casualties: { deaths: count(40), minorInjuries: count(30) },
            directLossYuan: Math.floor(rand() * 120_000_000),
          })
          .expect(200);
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The reference: fold every stored incident event to its final figures, by hand. */
  async function folded(): Promise<Folded[]> {
    // Every incident event type's data, read field by field below like a response body.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see the line above
    const events = await t.sql<{ stream_name: string; event_type: string; data: Record<string, any> }>(
      `select stream_name, event_type, data from es_events where category = 'incident' order by global_position`,
    );
    const byId = new Map<string, Folded>();
    for (const { stream_name, event_type, data } of events) {
      const current = byId.get(stream_name);
      if (event_type === 'IncidentReported') {
        byId.set(stream_name, {
          jurisdiction: data.jurisdiction,
          category: data.category,
          occurredAt: data.occurredAt,
          drillId: data.drillId,
          grade: data.grade,
          deaths: data.casualties.deaths,
          missing: data.casualties.missing,
          serious: data.casualties.seriousInjuries,
          minor: data.casualties.minorInjuries,
          loss: data.directLossYuan ?? 0,
        });
      } else if (current && event_type === 'SituationUpdated') {
        // Casualty figures reported after the statistical window (条例493 第十三条) are recorded but not counted.
        Object.assign(current, {
          ...(data.outsideWindow
            ? {}
            : {
                deaths: data.casualties.deaths,
                missing: data.casualties.missing,
                serious: data.casualties.seriousInjuries,
                minor: data.casualties.minorInjuries,
              }),
          loss: data.directLossYuan ?? 0,
        });
      } else if (current && event_type === 'AccidentGradeChanged') {
        current.grade = data.to;
      }
    }
    return [...byId.values()].filter((i) => i.drillId === null);
  }

  const beijing = (iso: string, length: number) =>
    new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, length);
  const beijingMonth = (iso: string) => beijing(iso, 7);
  function expected(incidents: Folded[], key: (i: Folded) => string): Line[] {
    const groups = new Map<string, Line>();
    for (const i of incidents) {
      const k = key(i);
      const g = groups.get(k) ?? {
        key: k,
        incidents: 0,
        deaths: 0,
        missing: 0,
        seriousInjuries: 0,
        minorInjuries: 0,
        injuries: 0,
        directLossYuan: 0,
        grades: Object.fromEntries(GRADES.map((x) => [x, 0])),
      };
      g.incidents += 1;
      g.deaths += i.deaths;
      g.missing += i.missing;
      g.seriousInjuries += i.serious;
      g.minorInjuries += i.minor;
      g.injuries += i.serious + i.minor;
      g.directLossYuan += i.loss;
      g.grades[i.grade]! += 1;
      groups.set(k, g);
    }
    return [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  }
  const pickFields = (l: Line) => ({
    key: l.key,
    incidents: l.incidents,
    deaths: l.deaths,
    missing: l.missing,
    seriousInjuries: l.seriousInjuries,
    minorInjuries: l.minorInjuries,
    injuries: l.injuries,
    directLossYuan: l.directLossYuan,
    grades: l.grades,
  });

  it.each([
    ['month', (i: Folded) => beijingMonth(i.occurredAt)],
    ['day', (i: Folded) => beijing(i.occurredAt, 10)],
    ['year', (i: Folded) => beijing(i.occurredAt, 4)],
    ['jurisdiction', (i: Folded) => i.jurisdiction],
    ['category', (i: Folded) => i.category],
  ] as const)('grouped by %s', async (groupBy, key) => {
    const reference = await folded();
    expect(reference.length).toBeGreaterThan(30);
    const { body } = await t
      .get('/api/v1/statistics')
      .query({ groupBy, from: '2026-01-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' })
      .expect(200);
    expect(body.drillsExcluded).toBe(true);
    expect(body.rows.map(pickFields)).toEqual(expected(reference, key));
    expect(pickFields({ ...body.totals, key: 'total' })).toEqual(expected(reference, () => 'total')[0]);
  });

  it('a period and a jurisdiction narrow the count (a county with its towns)', async () => {
    const reference = (await folded()).filter(
      (i) =>
        i.jurisdiction === '640521' &&
        beijingMonth(i.occurredAt) >= '2026-03' &&
        beijingMonth(i.occurredAt) < '2026-07',
    );
    const { body } = await t
      .get('/api/v1/statistics')
      .query({
        groupBy: 'total',
        jurisdiction: '640521',
        from: '2026-03-01T00:00:00+08:00',
        to: '2026-07-01T00:00:00+08:00',
      })
      .expect(200);
    expect(body.rows.map(pickFields)).toEqual(expected(reference, () => 'total'));
  });

  it('exports the same figures as CSV with Chinese headers', async () => {
    const reference = expected(await folded(), (i) => i.category);
    const response = await t
      .get('/api/v1/statistics')
      .query({ groupBy: 'category', format: 'csv', from: '2026-01-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' })
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const records: string[][] = parse(response.text, { bom: true });
    expect(records[0]!.slice(0, 4)).toEqual(['分组', '事故起数', '死亡人数', '失踪人数']);
    const total = records.at(-1)!;
    expect(total[0]).toBe('合计');
    expect(Number(total[1])).toBe(reference.reduce((n, l) => n + l.incidents, 0));
    expect(Number(total[7])).toBe(reference.reduce((n, l) => n + l.directLossYuan, 0));
    expect(records.length).toBe(reference.length + 2);
  });

  it('refuses bad parameters with problem+json', async () => {
    const response = await t.get('/api/v1/statistics').query({ groupBy: 'week', from: 'yesterday' }).expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
