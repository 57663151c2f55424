import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSession } from '../../api';
import { translator } from '../../i18n';
import { answerFetch, renderInConsole } from '../../test-support/render';
import type { Session } from '../../ui-types';
import { bodyOfForm } from './TargetsForm';
import { Targets } from './TargetsScreen';
import { valueToSend, valueToType } from './model';
import { admin, commander, documentView, progressView, TREE, YEAR } from './test-targets';

const PROGRESS = `GET /statistics/targets?jurisdiction=640500&year=${YEAR}`;
const DOCUMENT = `GET /targets/640500/${YEAR}`;
const PUT = `PUT /targets/640500/${YEAR}`;

function render(session: Session, extra: Record<string, { status?: number; body?: unknown }> = {}) {
  setSession(session);
  const calls = answerFetch({
    [PROGRESS]: { body: progressView([], { set: false }) },
    [DOCUMENT]: { body: documentView() },
    [PUT]: { body: documentView({ revision: 1 }) },
    ...extra,
  });
  renderInConsole(<Targets session={session} jurisdictions={TREE} />);
  return calls;
}

async function openForm() {
  const user = userEvent.setup();
  await waitFor(() => expect((screen.getByTestId('targets-edit') as HTMLButtonElement).disabled).toBe(false));
  await user.click(screen.getByTestId('targets-edit'));
  return { user, form: await screen.findByTestId('targets-form') };
}

/** Adds a row and fills it; the row's fields are found by their place in the table. */
async function addRow(
  user: ReturnType<typeof userEvent.setup>,
  row: { indicator: string; kind?: string; value: string; baselineYear?: string; category?: string },
) {
  await user.click(screen.getByTestId('targets-form-add'));
  const tr = screen.getAllByTestId('targets-form-row').at(-1)!;
  await user.selectOptions(within(tr).getByTestId('targets-form-indicator'), row.indicator);
  if (row.kind) await user.selectOptions(within(tr).getByTestId('targets-form-kind'), row.kind);
  if (row.baselineYear !== undefined) {
    const baseline = within(tr).getByTestId('targets-form-baseline');
    await user.clear(baseline);
    await user.type(baseline, row.baselineYear);
  }
  if (row.category) await user.selectOptions(within(tr).getByTestId('targets-form-category'), row.category);
  await user.type(within(tr).getByTestId('targets-form-value'), row.value);
  return tr;
}

describe('考核目标 form', { timeout: 60_000 }, () => {
  beforeEach(() => window.history.replaceState(null, '', '/statistics/targets'));
  afterEach(() => setSession(null));

  it('converts percentages: a share typed as 2 is sent as 0.02, a reduction typed as 15 is sent as 15', () => {
    expect(valueToSend('major_or_above_share', 'ceiling', 2)).toBe(0.02);
    expect(valueToSend('major_or_above_share', 'ceiling', 7)).toBe(0.07);
    expect(valueToType('major_or_above_share', 'ceiling', 0.07)).toBe(7);
    expect(valueToSend('deaths', 'reduction', 15)).toBe(15);
    expect(valueToSend('deaths_per_100m_gdp', 'reduction', 33)).toBe(33);
    expect(valueToSend('deaths_per_100m_gdp', 'ceiling', 0.03)).toBe(0.03);
    expect(valueToSend('incidents', 'ceiling', 3)).toBe(3);
  });

  it('refuses before sending: a missing value, a reduction without an earlier baseline year, a share above 100 %', () => {
    const t = translator('zh');
    const result = bodyOfForm(
      [
        { indicator: 'deaths', kind: 'ceiling', value: '', baselineYear: '', category: '' },
        { indicator: 'deaths', kind: 'reduction', value: '15', baselineYear: String(YEAR), category: '' },
        { indicator: 'major_or_above_share', kind: 'ceiling', value: '120', baselineYear: '', category: '' },
        { indicator: 'incidents', kind: 'ceiling', value: '2.5', baselineYear: '', category: '' },
        { indicator: 'deaths', kind: 'reduction', value: '100', baselineYear: String(YEAR - 1), category: '' },
      ],
      { gdp: '-3', vehicles: '' },
      YEAR,
      t,
    );
    expect(result).toEqual({
      problems: [
        '第 1 项：请填写有效的目标值',
        '第 2 项：下降目标须填写早于考核年度的基准年度',
        '第 3 项：占比须在 0 至 100% 之间',
        '第 4 项：请填写有效的目标值',
        '第 5 项：下降幅度须大于 0% 且小于 100%',
        '分母须为正数',
      ],
    });
  });

  it('sends the targets and the year’s denominators in one PUT, shares as fractions and reductions as percentages', async () => {
    const calls = render(commander);
    const { user } = await openForm();
    await addRow(user, { indicator: 'deaths', kind: 'reduction', baselineYear: String(YEAR - 1), value: '15' });
    const share = await addRow(user, { indicator: 'major_or_above_share', value: '2' });
    // The unit beside the field says how the figure is typed.
    expect(within(share).getByTestId('targets-form-value-unit').textContent).toBe('%');
    await addRow(user, { indicator: 'major_or_above_incidents', value: '2' });
    await addRow(user, { indicator: 'deaths', value: '3', category: 'coal_mine' });
    await addRow(user, { indicator: 'deaths', value: '1', category: 'non_coal_mine' });
    await addRow(user, { indicator: 'deaths_per_100m_gdp', value: '0.05' });
    // 道路交通万车死亡率 counts road traffic by definition: no category to choose, none sent.
    const vehicles = await addRow(user, { indicator: 'deaths_per_10k_vehicles', value: '2' });
    expect(within(vehicles).queryByTestId('targets-form-category')).toBeNull();
    expect(within(vehicles).getByTestId('targets-form-category-fixed').textContent).toBe('仅道路交通');
    await user.type(screen.getByTestId('targets-form-gdp'), '512.3');
    await user.type(screen.getByTestId('targets-form-vehicles'), '41');
    await user.click(screen.getByTestId('targets-form-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe(`/targets/640500/${YEAR}`);
    expect(put.body).toEqual({
      targets: [
        { indicator: 'deaths', kind: 'reduction', value: 15, baselineYear: YEAR - 1, category: null },
        { indicator: 'major_or_above_share', kind: 'ceiling', value: 0.02, baselineYear: null, category: null },
        { indicator: 'major_or_above_incidents', kind: 'ceiling', value: 2, baselineYear: null, category: null },
        { indicator: 'deaths', kind: 'ceiling', value: 3, baselineYear: null, category: 'coal_mine' },
        { indicator: 'deaths', kind: 'ceiling', value: 1, baselineYear: null, category: 'non_coal_mine' },
        { indicator: 'deaths_per_100m_gdp', kind: 'ceiling', value: 0.05, baselineYear: null, category: null },
        { indicator: 'deaths_per_10k_vehicles', kind: 'ceiling', value: 2, baselineYear: null, category: null },
      ],
      denominators: { gdp100mYuan: 512.3, vehicles10k: 41 },
      // Nothing entered in the year's official figures: sent as not entered (null), never as 0.
      recorded: { incidents: null, deaths: null, majorOrAboveIncidents: null, categories: [] },
    });
    // Saved: the form closes and the progress is read again.
    await waitFor(() => expect(screen.queryByTestId('targets-form')).toBeNull());
    expect(calls.filter((c) => `${c.method} ${c.path}` === PROGRESS).length).toBeGreaterThanOrEqual(2);
  });

  it('opens with the stored targets, shares shown as percentages, and removes one', async () => {
    const calls = render(admin, {
      [DOCUMENT]: {
        body: documentView({
          targets: [
            {
              indicator: 'major_or_above_share',
              kind: 'ceiling',
              value: 0.02,
              baselineYear: null,
              category: null,
              indicatorLabel: '较大及以上事故占比',
              categoryLabel: null,
            },
            {
              indicator: 'deaths',
              kind: 'reduction',
              value: 15,
              baselineYear: YEAR - 1,
              category: null,
              indicatorLabel: '死亡人数',
              categoryLabel: null,
            },
          ],
          denominators: { gdp100mYuan: 500, vehicles10k: null },
          recorded: {
            incidents: null,
            deaths: 40,
            majorOrAboveIncidents: null,
            categories: [{ category: 'road_traffic', incidents: 30, deaths: 12, majorOrAboveIncidents: null }],
          },
        }),
      },
    });
    const { user, form } = await openForm();
    const values = within(form)
      .getAllByTestId('targets-form-value')
      .map((i) => (i as HTMLInputElement).value);
    expect(values).toEqual(['2', '15']);
    expect((within(form).getByTestId('targets-form-baseline') as HTMLInputElement).value).toBe(String(YEAR - 1));
    expect((within(form).getByTestId('targets-form-gdp') as HTMLInputElement).value).toBe('500');
    // The year's entered figures are shown as stored, and go back unchanged with the document.
    expect((within(form).getByTestId('targets-recorded-deaths') as HTMLInputElement).value).toBe('40');
    expect((within(form).getByTestId('targets-recorded-category') as HTMLSelectElement).value).toBe('road_traffic');
    expect((within(form).getByTestId('targets-recorded-category-deaths') as HTMLInputElement).value).toBe('12');
    await user.click(within(form).getAllByTestId('targets-form-remove')[1]!);
    await user.click(within(form).getByTestId('targets-form-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      targets: [
        { indicator: 'major_or_above_share', kind: 'ceiling', value: 0.02, baselineYear: null, category: null },
      ],
      denominators: { gdp100mYuan: 500, vehicles10k: null },
      recorded: {
        incidents: null,
        deaths: 40,
        majorOrAboveIncidents: null,
        categories: [{ category: 'road_traffic', incidents: 30, deaths: 12, majorOrAboveIncidents: null }],
      },
    });
  });

  it('hints at a missing denominator and lets the baseline year’s be entered with a PUT of that year', async () => {
    const baselineDoc = documentView({
      year: YEAR - 1,
      targets: [
        {
          indicator: 'deaths',
          kind: 'ceiling',
          value: 30,
          baselineYear: null,
          category: null,
          indicatorLabel: '死亡人数',
          categoryLabel: null,
        },
      ],
      denominators: { gdp100mYuan: null, vehicles10k: 38 },
      recorded: { incidents: 150, deaths: 40, majorOrAboveIncidents: 2, categories: [] },
    });
    const calls = render(commander, {
      [`GET /targets/640500/${YEAR - 1}`]: { body: baselineDoc },
      [`PUT /targets/640500/${YEAR - 1}`]: {
        body: { ...baselineDoc, denominators: { gdp100mYuan: 480, vehicles10k: 38 }, revision: 2 },
      },
    });
    const { user } = await openForm();
    await addRow(user, {
      indicator: 'deaths_per_100m_gdp',
      kind: 'reduction',
      baselineYear: String(YEAR - 1),
      value: '33',
    });
    // This year's GDP is not typed yet, and the baseline year has none.
    expect(screen.getByTestId('targets-form-year-hint').textContent).toBe(
      `亿元GDP生产安全事故死亡率需要${YEAR}年的地区生产总值，请在下方录入。`,
    );
    const hint = await screen.findByTestId('targets-form-baseline-hint');
    expect(hint.textContent).toContain(`基准年度${YEAR - 1}年缺少地区生产总值`);
    await user.type(screen.getByTestId('targets-form-gdp'), '520');
    expect(screen.queryByTestId('targets-form-year-hint')).toBeNull();
    await user.click(within(hint).getByTestId('targets-baseline-enter'));
    expect((within(hint).getByTestId('targets-baseline-vehicles') as HTMLInputElement).value).toBe('38');
    await user.type(within(hint).getByTestId('targets-baseline-gdp'), '480');
    await user.click(within(hint).getByTestId('targets-baseline-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    // Only the denominators change: the baseline year's own targets go back as they were.
    expect(calls.find((c) => c.method === 'PUT')).toEqual({
      method: 'PUT',
      path: `/targets/640500/${YEAR - 1}`,
      body: {
        targets: [{ indicator: 'deaths', kind: 'ceiling', value: 30, baselineYear: null, category: null }],
        denominators: { gdp100mYuan: 480, vehicles10k: 38 },
        // The baseline year's entered figures go back as they were: a PUT replaces the whole document.
        recorded: { incidents: 150, deaths: 40, majorOrAboveIncidents: 2, categories: [] },
      },
    });
    await waitFor(() => expect(screen.queryByTestId('targets-form-baseline-hint')).toBeNull());
    // The form of this year is still open and unsent.
    expect(screen.getByTestId('targets-form')).toBeTruthy();
    expect(calls.filter((c) => c.path === `/targets/640500/${YEAR}` && c.method === 'PUT')).toHaveLength(0);
  });

  it('shows the server’s refusal through ErrorMessage and keeps the form', async () => {
    render(commander, {
      [PUT]: {
        status: 400,
        body: {
          status: 400,
          code: 'VALIDATION_FAILED',
          title: 'Bad Request',
          detail: 'body/targets/0/baselineYear must be integer',
          errors: [{ path: 'targets.0.baselineYear', message: '下降目标须填写基准年度' }],
        },
      },
    });
    const { user } = await openForm();
    await addRow(user, { indicator: 'incidents', value: '4' });
    await user.click(screen.getByTestId('targets-form-save'));
    const error = await screen.findByTestId('targets-form-error');
    expect(error.getAttribute('data-code')).toBe('VALIDATION_FAILED');
    expect(error.textContent).toContain('填写的内容未通过校验');
    expect(error.textContent).toContain('下降目标须填写基准年度');
    expect(screen.getByTestId('targets-form')).toBeTruthy();
  });

  it('does not send a form with problems, and lists them', async () => {
    const calls = render(commander);
    const { user } = await openForm();
    await addRow(user, { indicator: 'major_or_above_share', value: '150' });
    await user.click(screen.getByTestId('targets-form-save'));
    expect((await screen.findByTestId('targets-form-problems')).textContent).toBe('第 1 项：占比须在 0 至 100% 之间');
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
  });

  it('enters the year’s official figures (本年度统计数据（录入）) in total and per category in the same PUT', async () => {
    const calls = render(commander);
    const { user, form } = await openForm();
    const recorded = within(form).getByTestId('targets-recorded');
    expect(recorded.querySelector('legend')!.textContent).toBe(`本年度（${YEAR}年）统计数据（录入）`);
    await user.type(within(recorded).getByTestId('targets-recorded-deaths'), '40');
    await user.type(within(recorded).getByTestId('targets-recorded-incidents'), '0');
    await user.click(within(recorded).getByTestId('targets-recorded-add'));
    await user.selectOptions(within(recorded).getByTestId('targets-recorded-category'), 'road_traffic');
    await user.type(within(recorded).getByTestId('targets-recorded-category-deaths'), '12');
    await user.click(within(form).getByTestId('targets-form-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      targets: [],
      denominators: { gdp100mYuan: null, vehicles10k: null },
      // 0 typed is a figure; a field left empty is not entered.
      recorded: {
        incidents: 0,
        deaths: 40,
        majorOrAboveIncidents: null,
        categories: [{ category: 'road_traffic', incidents: null, deaths: 12, majorOrAboveIncidents: null }],
      },
    });
  });

  it('refuses entered figures that are not whole numbers ≥ 0, more 较大 than all, a category twice or none', () => {
    const t = translator('zh');
    const counts = { incidents: '', deaths: '', majorOrAboveIncidents: '' };
    const result = bodyOfForm([], { gdp: '', vehicles: '' }, YEAR, t, {
      incidents: '2',
      deaths: '-1',
      majorOrAboveIncidents: '3',
      categories: [
        { key: 1, category: 'coal_mine', ...counts, deaths: '1.5' },
        { key: 2, category: 'coal_mine', ...counts },
        { key: 3, category: '', ...counts },
      ],
    });
    expect('problems' in result && result.problems).toEqual([
      '统计数据（全部行业）：须为不小于 0 的整数',
      '统计数据（全部行业）：较大及以上事故起数不能多于事故起数',
      '统计数据（煤矿）：须为不小于 0 的整数',
      '统计数据：煤矿重复',
      '统计数据：请为每一行选择行业类别',
    ]);
    // The same figures, corrected, make a body.
    const fine = bodyOfForm([], { gdp: '', vehicles: '' }, YEAR, t, {
      incidents: '3',
      deaths: '0',
      majorOrAboveIncidents: '3',
      categories: [],
    });
    expect('body' in fine && fine.body.recorded).toEqual({
      incidents: 3,
      deaths: 0,
      majorOrAboveIncidents: 3,
      categories: [],
    });
  });
});
