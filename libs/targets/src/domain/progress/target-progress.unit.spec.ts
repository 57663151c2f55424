import type { TargetRecordedFigures, TargetSpec } from '../../contract';
import { noRecordedFigures } from '../target-document/target-document.types';
import { round4, targetProgress, trendMonthsOf, type MonthFigures, type YearFigures } from './target-progress';

const spec = (s: Partial<TargetSpec> & Pick<TargetSpec, 'indicator'>): TargetSpec => ({
  kind: 'ceiling',
  value: 0,
  baselineYear: null,
  category: null,
  ...s,
});
const month = (m: string, f: Partial<MonthFigures> = {}): MonthFigures => ({
  month: m,
  category: 'road_traffic',
  incidents: 0,
  deaths: 0,
  missing: 0,
  majorOrAbove: 0,
  ...f,
});
const year = (y: number, months: MonthFigures[], d: Partial<YearFigures['denominators']> = {}): YearFigures => ({
  year: y,
  months,
  denominators: { gdp100mYuan: null, vehicles10k: null, ...d },
  recorded: noRecordedFigures(),
  complete: y < 2026,
});
const entered = (y: YearFigures, r: Partial<TargetRecordedFigures>): YearFigures => ({
  ...y,
  recorded: { ...noRecordedFigures(), ...r },
});
const progress = (
  s: TargetSpec,
  current: YearFigures,
  baseline: YearFigures | null = null,
  trendMonths: string[] = [],
  countMissingAsDeaths = false,
) => targetProgress({ spec: s, categoryLabel: null, year: current, baseline, trendMonths, countMissingAsDeaths });

describe('target progress arithmetic (docs/targets.md)', () => {
  describe('ceilings', () => {
    it('exactly at the limit is on track; one above is exceeded', () => {
      const at = progress(spec({ indicator: 'deaths', value: 5 }), year(2026, [month('2026-03', { deaths: 5 })]));
      expect(at).toMatchObject({ actual: 5, limit: 5, status: 'on_track', statusLabel: '控制在目标以内' });
      const over = progress(spec({ indicator: 'deaths', value: 5 }), year(2026, [month('2026-03', { deaths: 6 })]));
      expect(over).toMatchObject({ actual: 6, status: 'exceeded' });
    });

    it('a year without incidents counts 0 and meets a ceiling of 0', () => {
      expect(progress(spec({ indicator: 'incidents', value: 0 }), year(2026, []))).toMatchObject({
        actual: 0,
        limit: 0,
        status: 'on_track',
        missing: [],
      });
    });

    it('"fewer than 3" is a ceiling of 2: the third 较大 accident exceeds it', () => {
      const three = year(2026, [month('2026-02', { incidents: 3, majorOrAbove: 3 })]);
      expect(progress(spec({ indicator: 'major_or_above_incidents', value: 2 }), three).status).toBe('exceeded');
    });

    it('the share with no incidents is 0 (the statistics’ definition), on track', () => {
      expect(progress(spec({ indicator: 'major_or_above_share', value: 0.02 }), year(2026, []))).toMatchObject({
        actual: 0,
        status: 'on_track',
        unit: '%',
      });
    });

    it('the share exactly at 2 % is on track; one more 较大 in 50 is not', () => {
      const at = year(2026, [month('2026-05', { incidents: 50, majorOrAbove: 1 })]);
      expect(progress(spec({ indicator: 'major_or_above_share', value: 0.02 }), at)).toMatchObject({
        actual: 0.02,
        status: 'on_track',
      });
      const over = year(2026, [month('2026-05', { incidents: 50, majorOrAbove: 2 })]);
      expect(progress(spec({ indicator: 'major_or_above_share', value: 0.02 }), over).status).toBe('exceeded');
    });

    it('only the named category counts', () => {
      const months = [month('2026-01', { deaths: 2 }), month('2026-01', { category: 'coal_mine', deaths: 7 })];
      expect(
        progress(spec({ indicator: 'deaths', value: 5, category: 'coal_mine' }), year(2026, months)),
      ).toMatchObject({ actual: 7, status: 'exceeded' });
      expect(progress(spec({ indicator: 'deaths', value: 5 }), year(2026, months)).actual).toBe(9);
    });
  });

  describe('rates', () => {
    it('deaths per 亿元 GDP and per 万辆 divide by the year’s denominator', () => {
      const y = year(2026, [month('2026-04', { deaths: 3 })], { gdp100mYuan: 400, vehicles10k: 30 });
      expect(progress(spec({ indicator: 'deaths_per_100m_gdp', value: 0.0075 }), y)).toMatchObject({
        actual: 0.0075,
        status: 'on_track',
        unit: '人/亿元',
      });
      expect(progress(spec({ indicator: 'deaths_per_10k_vehicles', value: 0.1 }), y)).toMatchObject({
        actual: 0.1,
        status: 'on_track',
      });
    });

    it('道路交通万车死亡率 counts road-traffic deaths only', () => {
      const y = year(2026, [month('2026-04', { deaths: 2 }), month('2026-04', { category: 'coal_mine', deaths: 9 })], {
        vehicles10k: 20,
      });
      expect(progress(spec({ indicator: 'deaths_per_10k_vehicles', value: 0.1 }), y)).toMatchObject({
        actual: 0.1,
        status: 'on_track',
      });
    });

    it('without the year’s denominator the rate says what is missing instead of a figure', () => {
      const p = progress(spec({ indicator: 'deaths_per_100m_gdp', value: 0.02 }), year(2026, []), null, ['2026-01']);
      expect(p).toMatchObject({ actual: null, limit: 0.02, status: 'no_data', missing: ['缺少 2026 年地区生产总值'] });
      expect(p.trend).toEqual([{ month: '2026-01', value: null }]);
    });

    it('a rate reduction needs the baseline year’s denominator too', () => {
      const p = progress(
        spec({ indicator: 'deaths_per_10k_vehicles', kind: 'reduction', value: 10, baselineYear: 2025 }),
        year(2026, [], { vehicles10k: 30 }),
        year(2025, [month('2025-06', { deaths: 4 })]),
      );
      expect(p).toMatchObject({ actual: 0, limit: null, status: 'no_data', missing: ['缺少 2025 年机动车保有量'] });
    });
  });

  describe('reductions', () => {
    const cut = (value: number) => spec({ indicator: 'deaths', kind: 'reduction', value, baselineYear: 2025 });

    it('the limit is the baseline less the reduction; exactly at it is on track', () => {
      const base = year(2025, [month('2025-06', { deaths: 20 })]);
      expect(progress(cut(15), year(2026, [month('2026-02', { deaths: 17 })]), base)).toMatchObject({
        baselineValue: 20,
        limit: 17,
        actual: 17,
        changeFromBaseline: -0.15,
        status: 'on_track',
      });
      expect(progress(cut(15), year(2026, [month('2026-02', { deaths: 18 })]), base).status).toBe('exceeded');
    });

    it('a limit between whole numbers: 7 less 33 % is 4.69, so 4 deaths are on track and 5 are not', () => {
      const base = year(2025, [month('2025-06', { deaths: 7 })]);
      expect(progress(cut(33), year(2026, [month('2026-02', { deaths: 4 })]), base)).toMatchObject({
        limit: 4.69,
        status: 'on_track',
      });
      expect(progress(cut(33), year(2026, [month('2026-02', { deaths: 5 })]), base).status).toBe('exceeded');
    });

    it('a baseline of 0 leaves a limit of 0 and no relative change', () => {
      const base = year(2025, []);
      expect(progress(cut(15), year(2026, []), base)).toMatchObject({
        baselineValue: 0,
        limit: 0,
        actual: 0,
        changeFromBaseline: null,
        status: 'on_track',
      });
      expect(progress(cut(15), year(2026, [month('2026-01', { deaths: 1 })]), base).status).toBe('exceeded');
    });

    it('without the baseline year’s figures, or before it has ended, there is no limit', () => {
      expect(progress(cut(15), year(2026, []), null)).toMatchObject({
        limit: null,
        status: 'no_data',
        missing: ['缺少 2025 年基准数据'],
      });
      const unfinished = { ...year(2025, []), complete: false };
      expect(progress(cut(15), year(2026, []), unfinished).missing).toEqual(['基准年 2025 年尚未结束']);
    });
  });

  describe('rounding (half up, 4 decimal places; the status compares the rounded figures)', () => {
    it('rounds shown figures to 4 places', () => {
      expect(round4(1 / 3)).toBe(0.3333);
      expect(round4(0.00005)).toBe(0.0001);
      expect(round4(0.016749)).toBe(0.0167);
    });

    it('a rate that rounds to the limit is on track: the screen never shows equal figures as exceeded', () => {
      // 1 / 30000 = 0.0000333… rounds to 0 against a ceiling of 0.
      const y = year(2026, [month('2026-01', { deaths: 1 })], { gdp100mYuan: 30_000 });
      expect(progress(spec({ indicator: 'deaths_per_100m_gdp', value: 0 }), y)).toMatchObject({
        actual: 0,
        status: 'on_track',
      });
    });
  });

  describe('trend', () => {
    it('is the cumulative value at the end of each month', () => {
      const y = year(2026, [month('2026-01', { deaths: 1 }), month('2026-03', { deaths: 2 })]);
      const p = progress(spec({ indicator: 'deaths', value: 9 }), y, null, [
        '2026-01',
        '2026-02',
        '2026-03',
        '2026-04',
      ]);
      expect(p.trend.map((x) => x.value)).toEqual([1, 1, 3, 3]);
    });

    it('runs from January to the month read, all twelve for a past year, none for a future one', () => {
      expect(trendMonthsOf(2026, '2026-03')).toEqual(['2026-01', '2026-02', '2026-03']);
      expect(trendMonthsOf(2025, '2026-03')).toHaveLength(12);
      expect(trendMonthsOf(2027, '2026-03')).toEqual([]);
      expect(trendMonthsOf(2026, null)).toEqual([]);
    });
  });

  describe('a baseline from the figures entered for the baseline year', () => {
    const cut = (value: number, indicator: TargetSpec['indicator'] = 'deaths') =>
      spec({ indicator, kind: 'reduction', value, baselineYear: 2025 });

    it('takes the entered deaths over the (absent) incidents: 40 less 15 % is 34; 34 on track, 35 exceeded', () => {
      const base = entered(year(2025, []), { deaths: 40 });
      expect(progress(cut(15), year(2026, [month('2026-03', { deaths: 34 })]), base)).toMatchObject({
        baselineValue: 40,
        baselineSource: 'recorded',
        limit: 34,
        status: 'on_track',
        missing: [],
      });
      expect(progress(cut(15), year(2026, [month('2026-03', { deaths: 35 })]), base).status).toBe('exceeded');
    });

    it('an entered 0 is a figure (recorded), not an absence', () => {
      const base = entered(year(2025, [month('2025-06', { deaths: 9 })]), { deaths: 0 });
      expect(progress(cut(15), year(2026, []), base)).toMatchObject({ baselineValue: 0, baselineSource: 'recorded' });
    });

    it('without an entered figure the baseline is counted from the incidents, and says so', () => {
      const base = entered(year(2025, [month('2025-06', { deaths: 20 })]), { incidents: 100 });
      expect(progress(cut(15), year(2026, []), base)).toMatchObject({
        baselineValue: 20,
        baselineSource: 'counted',
        limit: 17,
      });
    });

    it('a ceiling has no baseline source', () => {
      expect(progress(spec({ indicator: 'deaths', value: 3 }), year(2026, [])).baselineSource).toBeNull();
    });

    it('entered figures are a whole year: a baseline year not yet over may still use them', () => {
      const unfinished = { ...entered(year(2025, []), { deaths: 10 }), complete: false };
      expect(progress(cut(50), year(2026, []), unfinished)).toMatchObject({ limit: 5, missing: [] });
    });

    it('the share needs both entered counts; with one of them it is counted', () => {
      const s = cut(50, 'major_or_above_share');
      const both = entered(year(2025, []), { incidents: 50, majorOrAboveIncidents: 2 });
      expect(progress(s, year(2026, []), both)).toMatchObject({ baselineValue: 0.04, limit: 0.02 });
      const one = entered(year(2025, [month('2025-01', { incidents: 10, majorOrAbove: 1 })]), {
        majorOrAboveIncidents: 2,
      });
      expect(progress(s, year(2026, []), one)).toMatchObject({ baselineValue: 0.1, baselineSource: 'counted' });
    });

    it('a category target takes the category’s entered figure, not the total', () => {
      const base = entered(year(2025, []), {
        deaths: 40,
        categories: [{ category: 'coal_mine', incidents: null, deaths: 4, majorOrAboveIncidents: null }],
      });
      expect(progress({ ...cut(50), category: 'coal_mine' }, year(2026, []), base)).toMatchObject({
        baselineValue: 4,
        baselineSource: 'recorded',
        limit: 2,
      });
      const noCoal = entered(year(2025, [month('2025-02', { category: 'non_coal_mine', deaths: 6 })]), {
        deaths: 40,
      });
      expect(progress({ ...cut(50), category: 'non_coal_mine' }, year(2026, []), noCoal)).toMatchObject({
        baselineValue: 6,
        baselineSource: 'counted',
      });
    });

    it('道路交通万车死亡率 takes the entered road-traffic deaths over the baseline year’s vehicles', () => {
      const base = entered(year(2025, [], { vehicles10k: 40 }), {
        deaths: 90,
        categories: [{ category: 'road_traffic', incidents: null, deaths: 20, majorOrAboveIncidents: null }],
      });
      const p = progress(cut(10, 'deaths_per_10k_vehicles'), year(2026, [], { vehicles10k: 40 }), base);
      expect(p).toMatchObject({ baselineValue: 0.5, baselineSource: 'recorded', limit: 0.45 });
      const noVehicles = entered(year(2025, []), { deaths: 90 });
      expect(progress(cut(10, 'deaths_per_100m_gdp'), year(2026, []), noVehicles).missing).toContain(
        '缺少 2025 年地区生产总值',
      );
    });
  });

  describe('missing persons counted as dead where the jurisdiction says so', () => {
    const months = [month('2026-02', { deaths: 3, missing: 4, incidents: 2 })];

    it('every death indicator counts 死亡 + 失踪 and says so; counts of accidents do not change', () => {
      const withMissing = (s: TargetSpec) =>
        progress(s, year(2026, months, { gdp100mYuan: 100, vehicles10k: 7 }), null, ['2026-02'], true);
      expect(withMissing(spec({ indicator: 'deaths', value: 6 }))).toMatchObject({
        actual: 7,
        status: 'exceeded',
        deathsIncludeMissing: true,
        unit: '人（含失踪）',
        trend: [{ month: '2026-02', value: 7 }],
      });
      expect(withMissing(spec({ indicator: 'deaths_per_100m_gdp', value: 1 }))).toMatchObject({
        actual: 0.07,
        unit: '人/亿元（含失踪）',
      });
      expect(withMissing(spec({ indicator: 'deaths_per_10k_vehicles', value: 1 }))).toMatchObject({
        actual: 1,
        deathsIncludeMissing: true,
      });
      expect(withMissing(spec({ indicator: 'incidents', value: 5 }))).toMatchObject({
        actual: 2,
        deathsIncludeMissing: false,
        unit: '起',
      });
    });

    it('elsewhere only 死亡 counts', () => {
      expect(progress(spec({ indicator: 'deaths', value: 6 }), year(2026, months))).toMatchObject({
        actual: 3,
        status: 'on_track',
        deathsIncludeMissing: false,
        unit: '人',
      });
    });

    it('a counted baseline counts the missing the same way as the year it is compared with', () => {
      const base = year(2025, [month('2025-05', { deaths: 6, missing: 4 })]);
      const p = progress(
        spec({ indicator: 'deaths', kind: 'reduction', value: 30, baselineYear: 2025 }),
        year(2026, months),
        base,
        [],
        true,
      );
      expect(p).toMatchObject({ baselineValue: 10, limit: 7, actual: 7, status: 'on_track' });
    });
  });
});
