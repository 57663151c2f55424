import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSession } from '../../api';
import { parseRoute } from '../../router';
import { answerFetch, renderInConsole } from '../../test-support/render';
import type { Session } from '../../ui-types';
import { Targets } from './TargetsScreen';
import { commander, documentView, dutyOfficer, progress, progressView, TREE, YEAR } from './test-targets';

const PROGRESS = `GET /statistics/targets?jurisdiction=640500&year=${YEAR}`;
const DOCUMENT = `GET /targets/640500/${YEAR}`;

const threeTargets = progressView([
  // 死亡人数较上年下降 15%: 19 last year, so at most 16.15 (not rounded); 12 so far.
  progress({
    indicator: 'deaths',
    kind: 'reduction',
    value: 15,
    limit: 16.15,
    baselineYear: YEAR - 1,
    baselineValue: 19,
    baselineSource: 'recorded',
    deathsIncludeMissing: true,
    actual: 12,
    changeFromBaseline: 12 / 19 - 1,
    status: 'on_track',
  }),
  // 较大及以上事故占比不超过 2%: 1 of 20 is 5%.
  progress({
    indicator: 'major_or_above_share',
    indicatorLabel: '较大及以上事故占比',
    kind: 'ceiling',
    value: 0.02,
    limit: 0.02,
    unit: '%',
    actual: 0.05,
    status: 'exceeded',
    statusLabel: '超标',
    trend: [
      { month: `${YEAR}-01`, value: 0 },
      { month: `${YEAR}-02`, value: 0.05 },
    ],
  }),
  // 亿元GDP死亡率较上年下降 33%, without last year's GDP.
  progress({
    indicator: 'deaths_per_100m_gdp',
    indicatorLabel: '亿元GDP生产安全事故死亡率',
    kind: 'reduction',
    value: 33,
    limit: null,
    unit: '人/亿元',
    baselineYear: YEAR - 1,
    baselineValue: null,
    baselineSource: 'counted',
    actual: 0.024,
    changeFromBaseline: null,
    status: 'no_data',
    statusLabel: '无法评估',
    missing: [`缺少 ${YEAR - 1} 年地区生产总值`],
  }),
]);

function render(session: Session, extra: Record<string, { status?: number; body?: unknown }> = {}) {
  setSession(session);
  const calls = answerFetch({
    [PROGRESS]: { body: threeTargets },
    [DOCUMENT]: { body: documentView({ setAt: `${YEAR}-01-05T02:00:00.000Z`, setBy: '王指挥' }) },
    ...extra,
  });
  renderInConsole(<Targets session={session} jurisdictions={TREE} />);
  return calls;
}

const card = async (indicator: string) =>
  (await screen.findAllByTestId('target-card')).find((c) => c.getAttribute('data-indicator') === indicator)!;

describe('考核目标 screen', { timeout: 60_000 }, () => {
  beforeEach(() => window.history.replaceState(null, '', '/statistics/targets'));
  afterEach(() => setSession(null));

  it('is the route /statistics/targets, under the statistics tab', () => {
    expect(parseRoute('/statistics/targets')).toEqual({ name: 'targets' });
    expect(parseRoute('/statistics/targets/')).toEqual({ name: 'targets' });
    expect(parseRoute('/statistics')).toEqual({ name: 'statistics' });
  });

  it('shows an on-track reduction in words with the value so far, the limit, the baseline and the change', async () => {
    const calls = render(commander);
    const deaths = await card('deaths');
    expect(deaths.getAttribute('data-status')).toBe('on_track');
    expect(within(deaths).getByTestId('target-words').textContent).toBe(`死亡人数较${YEAR - 1}年下降 15%`);
    expect(within(deaths).getByTestId('target-status').textContent).toBe('达标');
    expect(within(deaths).getByTestId('target-actual').textContent).toBe('12 人');
    expect(within(deaths).getByTestId('target-limit').textContent).toBe('16.15 人');
    expect(within(deaths).getByTestId('target-baseline').textContent).toBe('19 人');
    expect(within(deaths).getByTestId('target-change').textContent).toBe(`较${YEAR - 1}年下降 36.84%`);
    expect(within(deaths).queryByTestId('target-missing')).toBeNull();
    // The trend's figures are a table beside the chart, month by month, with the unit in the heading.
    const table = within(deaths).getByTestId('target-trend-table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['月份', '1月', '2月']);
    expect(within(table).getByRole('rowheader').textContent).toBe('累计值（人）');
    expect(
      within(table)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['1', '3']);
    expect(within(deaths).getByTestId('target-trend-chart').getAttribute('aria-label')).toContain('逐月累计');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toContain(PROGRESS);
  });

  it('shows a share over its ceiling as 超标, in percent', async () => {
    render(commander);
    const share = await card('major_or_above_share');
    expect(share.getAttribute('data-status')).toBe('exceeded');
    expect(within(share).getByTestId('target-words').textContent).toBe('较大及以上事故占比不超过 2%');
    expect(within(share).getByTestId('target-status').textContent).toBe('超标');
    expect(within(share).getByTestId('target-actual').textContent).toBe('5%');
    expect(within(share).getByTestId('target-limit').textContent).toBe('2%');
    // A share's trend is in percent points, the unit in the row's heading.
    const trend = within(share).getByTestId('target-trend-table');
    expect(within(trend).getByRole('rowheader').textContent).toBe('累计值（%）');
    expect(
      within(trend)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['0', '5']);
  });

  it('shows a rate target without its baseline denominator as 无法评估 and says what is missing', async () => {
    render(commander);
    const rate = await card('deaths_per_100m_gdp');
    expect(rate.getAttribute('data-status')).toBe('no_data');
    expect(within(rate).getByTestId('target-words').textContent).toBe(
      `亿元GDP生产安全事故死亡率较${YEAR - 1}年下降 33%`,
    );
    expect(within(rate).getByTestId('target-status').textContent).toBe('无法评估');
    expect(within(rate).getByTestId('target-limit').textContent).toBe('—');
    expect(within(rate).getByTestId('target-change').textContent).toBe('—');
    expect(within(rate).getByTestId('target-missing').textContent).toBe(
      `无法评估的原因：缺少 ${YEAR - 1} 年地区生产总值`,
    );
    expect(within(rate).getByTestId('target-actual').textContent).toBe('0.024 人/亿元');
  });

  it('says drills are excluded and the instant the figures are counted to', async () => {
    render(commander);
    const note = await screen.findByTestId('targets-drill-note');
    expect(note.textContent).toContain('演练事故不计入考核');
    expect(note.textContent).toContain('03/01 12:00');
    expect(screen.getByTestId('targets-denominators').textContent).toContain('地区生产总值 500 亿元');
  });

  it('says so when no targets are set for the year', async () => {
    render(dutyOfficer, { [PROGRESS]: { body: progressView([], { set: false }) } });
    expect((await screen.findByTestId('targets-not-set')).textContent).toContain(`中卫市尚未设定${YEAR}年度考核目标`);
  });

  it('offers the edit form to a commander and not to a duty officer', async () => {
    render(dutyOfficer);
    await card('deaths');
    await waitFor(() => expect(screen.getByTestId('targets-screen').getAttribute('data-loaded')).toBe('true'));
    expect(screen.queryByTestId('targets-edit')).toBeNull();
    expect(screen.queryByTestId('targets-form')).toBeNull();
  });

  it('asks the server again for another year and another jurisdiction', async () => {
    const calls = render(commander, {
      [`GET /statistics/targets?jurisdiction=640521&year=${YEAR - 1}`]: {
        body: progressView([], { jurisdiction: '640521', jurisdictionName: '中宁县', year: YEAR - 1, set: false }),
      },
      [`GET /statistics/targets?jurisdiction=640500&year=${YEAR - 1}`]: {
        body: progressView([], { year: YEAR - 1, set: false }),
      },
      [`GET /targets/640500/${YEAR - 1}`]: { body: documentView({ year: YEAR - 1 }) },
      [`GET /targets/640521/${YEAR - 1}`]: { status: 404, body: { status: 404, code: 'NOT_FOUND', title: 'x' } },
    });
    await card('deaths');
    const user = userEvent.setup();
    await user.selectOptions(screen.getByTestId('targets-year'), String(YEAR - 1));
    await user.selectOptions(screen.getByTestId('targets-place'), '640521');
    expect((await screen.findByTestId('targets-not-set')).textContent).toContain(
      `中宁县尚未设定${YEAR - 1}年度考核目标`,
    );
    expect(calls.map((c) => c.path)).toContain(`/statistics/targets?jurisdiction=640521&year=${YEAR - 1}`);
    expect(window.location.search).toBe(`?jurisdiction=640521&year=${YEAR - 1}`);
    // A missing document is not an error: the split simply has nothing.
    expect(screen.queryByTestId('targets-document-error')).toBeNull();
  });

  it('shows the split of the count ceilings with the children and their sum, and opens a child', async () => {
    const calls = render(commander, {
      [DOCUMENT]: {
        body: documentView({
          targets: [
            {
              indicator: 'deaths',
              kind: 'ceiling',
              value: 10,
              baselineYear: null,
              category: null,
              indicatorLabel: '死亡人数',
              categoryLabel: null,
            },
          ],
          split: [
            {
              indicator: 'deaths',
              indicatorLabel: '死亡人数',
              category: null,
              parentValue: 10,
              childrenSum: 11,
              children: [
                { jurisdiction: '640502', jurisdictionName: '沙坡头区', value: 6 },
                { jurisdiction: '640521', jurisdictionName: '中宁县', value: 5 },
                { jurisdiction: '640522', jurisdictionName: '海原县', value: null },
              ],
            },
          ],
        }),
      },
      [`GET /statistics/targets?jurisdiction=640521&year=${YEAR}`]: {
        body: progressView([], { jurisdiction: '640521', jurisdictionName: '中宁县', set: false }),
      },
      [`GET /targets/640521/${YEAR}`]: { body: documentView({ jurisdiction: '640521', jurisdictionName: '中宁县' }) },
    });
    const split = await screen.findByTestId('targets-split-line');
    expect(within(split).getByRole('caption').textContent).toBe('死亡人数');
    expect(
      within(split)
        .getAllByTestId('targets-split-child')
        .map((r) => r.textContent),
    ).toEqual(['设定沙坡头区的目标6 人', '设定中宁县的目标5 人', '设定海原县的目标未设定']);
    expect(within(split).getByTestId('targets-split-sum').textContent).toBe('11 人');
    expect(within(split).getByTestId('targets-split-parent').textContent).toBe('10 人');
    expect(within(split).getByTestId('targets-split-verdict').textContent).toBe('下级合计超出本级目标');
    const link = within(split).getAllByTestId('targets-split-open')[1]!;
    expect(link.getAttribute('href')).toBe(`/statistics/targets?jurisdiction=640521&year=${YEAR}&edit=1`);
    await userEvent.setup().click(link);
    expect((await screen.findByTestId('targets-form')).querySelector('h2')!.textContent).toBe(
      `中宁县${YEAR}年度考核目标`,
    );
    expect(calls.map((c) => c.path)).toContain(`/targets/640521/${YEAR}`);
    expect((screen.getByTestId('targets-place') as HTMLSelectElement).value).toBe('640521');
  });

  it('shows script in names, categories and missing words as text', async () => {
    const script = '<img src=x onerror="window.__pwned=1">';
    render(commander, {
      [PROGRESS]: {
        body: progressView(
          [
            progress({
              category: 'x-unknown',
              categoryLabel: script,
              status: 'no_data',
              missing: [`<script>window.__pwned=1</script>`],
            }),
          ],
          { jurisdictionName: script },
        ),
      },
      [DOCUMENT]: {
        body: documentView({
          split: [
            {
              indicator: 'incidents',
              indicatorLabel: '事故起数',
              category: null,
              parentValue: 5,
              childrenSum: 1,
              children: [{ jurisdiction: '640521', jurisdictionName: script, value: 1 }],
            },
          ],
        }),
      },
    });
    const c = await card('deaths');
    expect(within(c).getByTestId('target-words').textContent).toBe(`${script}死亡人数不超过 10 人`);
    expect(within(c).getByTestId('target-missing').textContent).toContain('<script>window.__pwned=1</script>');
    expect(screen.getByTestId('targets-split-open').textContent).toBe(`设定${script}的目标`);
    const root = screen.getByTestId('targets-screen');
    expect(root.querySelector('img, script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('shows a failed read through ErrorMessage in Chinese', async () => {
    render(commander, {
      [PROGRESS]: { status: 403, body: { status: 403, code: 'FORBIDDEN', title: 'Forbidden', detail: '无权查看' } },
    });
    const error = await screen.findByRole('alert');
    expect(error.textContent).toContain('无权');
    expect(error.textContent).not.toContain('Forbidden');
  });

  it('says in words where each baseline comes from, and when deaths include the missing', async () => {
    render(commander);
    const deaths = await card('deaths');
    expect(within(deaths).getByTestId('target-baseline-source').textContent).toBe('基准值来自录入的统计数据');
    expect(within(deaths).getByTestId('target-includes-missing').textContent).toContain('死亡人数含失踪人数');
    const gdp = await card('deaths_per_100m_gdp');
    expect(within(gdp).getByTestId('target-baseline-source').textContent).toBe('基准值来自系统记录的事故');
    expect(within(gdp).queryByTestId('target-includes-missing')).toBeNull();
    // A ceiling has no baseline, so nothing to say where it comes from.
    const share = await card('major_or_above_share');
    expect(within(share).queryByTestId('target-baseline-source')).toBeNull();
  });
});
