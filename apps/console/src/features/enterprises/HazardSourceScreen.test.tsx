import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSession } from '../../api';
import { publishLive } from '../../app/live-events';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { HAZARD_GRADE_STYLES } from '../map/layers/styles';
import { HazardSourceScreen } from './HazardSourceScreen';
import {
  adminSession,
  HAZARD_ID,
  hazardSourceView,
  officerSession,
  SENSOR_ID,
  sensorView,
  TREE,
  trendOf,
} from './test-enterprises';

const SECOND_SENSOR = '7c3f4e5d-6071-4c8d-8e9f-000000000002';

function colour(value: string): string {
  const probe = document.createElement('span');
  probe.style.color = value;
  return probe.style.color;
}

type Routes = Record<string, { status?: number; body?: unknown }>;

function routes(extra: Routes = {}): Routes {
  return {
    'GET /jurisdictions': { body: TREE },
    [`GET /hazard-sources/${HAZARD_ID}`]: { body: hazardSourceView({ grade: 2 }) },
    [`GET /hazard-sources/${HAZARD_ID}/history`]: {
      body: [
        { at: '2026-11-02T03:00:00Z', by: '系统管理员', what: '登记', sumRatio: 10, r: 80, grade: 2 },
        { at: '2026-12-01T06:30:00Z', by: '系统管理员', what: '丙烷增至 25 吨', sumRatio: 12.5, r: 87.5, grade: 2 },
      ],
    },
    [`GET /hazard-sources/${HAZARD_ID}/sensors`]: {
      body: [
        sensorView(),
        sensorView({
          id: SECOND_SENSOR,
          code: 'PT-102',
          name: '1号储罐压力',
          kind: 'pressure',
          kindLabel: '压力',
          unit: 'MPa',
          thresholds: { high: 1.2, highHigh: null, low: null, lowLow: null },
          lastValue: null,
          lastReadingAt: null,
          band: 'normal',
          bandLabel: '正常',
          online: false,
          offlineSince: '2026-12-06T04:00:00Z',
        }),
      ],
    },
    [`GET /monitoring/sensors/${SENSOR_ID}/readings`]: { body: trendOf([7.2, 7.6, 8.1, 8.4]) },
    [`GET /monitoring/sensors/${SECOND_SENSOR}/readings`]: {
      body: trendOf([], {
        sensorId: SECOND_SENSOR,
        unit: 'MPa',
        thresholds: { high: 1.2, highHigh: null, low: null, lowLow: null },
      }),
    },
    ...extra,
  };
}

const svgTexts = (el: Element) => [...el.querySelectorAll('svg text')].map((t) => t.textContent);

// Charts are real SVG drawn by recharts, which takes a while in the simulated DOM.
describe('a hazard source’s page', { timeout: 60_000 }, () => {
  beforeEach(() => setSession(officerSession));
  afterEach(() => setSession(null));

  it('shows the substances, Σq/Q, α, R and the grade with its rule in words, and the history in local time', async () => {
    answerFetch(routes());
    renderInConsole(<HazardSourceScreen id={HAZARD_ID} session={officerSession} />);
    expect((await screen.findByTestId('hazard-title')).textContent).toBe('液氯储罐区');
    const grade = screen.getByTestId('hazard-grade');
    expect(grade.textContent).toBe('二级');
    expect(colour(grade.style.backgroundColor)).toBe(colour(HAZARD_GRADE_STYLES['2'].fill));
    const rows = screen
      .getAllByTestId('hazard-substance')
      .map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent));
    expect(rows).toEqual([
      ['7782-50-5', '氯', 'J1 毒性气体', '50', '5', '4', '10', '标准表 1 所列GB 18218-2018 表1 第 1 项'],
      ['74-98-6', '丙烷', 'W2 易燃气体', '25', '10', '1.5', '2.5', '标准表 1 所列GB 18218-2018 表1 第 26 项'],
    ]);
    expect(screen.getByTestId('hazard-sum').textContent).toBe('12.5');
    expect(screen.getByTestId('hazard-alpha').textContent).toBe('2');
    expect(screen.getByTestId('hazard-r').textContent).toBe('87.5');
    expect(screen.getByTestId('hazard-rule').textContent).toBe(
      'Σq/Q = 12.5 ≥ 1，构成重大危险源。R = α × Σ(β × q/Q) = 2 × 43.75 = 87.5；50 ≤ R < 100，定为二级重大危险源（GB 18218-2018 第 4.3 条）。',
    );
    const history = await screen.findAllByTestId('hazard-history-entry');
    expect(history.map((h) => h.textContent)).toEqual([
      '11/02 11:00 · 系统管理员登记：Σq/Q = 10，R = 80，二级重大危险源',
      '12/01 14:30 · 系统管理员丙烷增至 25 吨：Σq/Q = 12.5，R = 87.5，二级重大危险源',
    ]);
    expect(screen.queryByTestId('hazard-edit')).toBeNull();
    expect(screen.queryByTestId('sensor-add')).toBeNull();
  });

  it('explains in words why a unit below the threshold is no major hazard source', async () => {
    answerFetch(
      routes({
        [`GET /hazard-sources/${HAZARD_ID}`]: {
          body: hazardSourceView({ grade: null, isMajor: false, sumRatio: 0.42, r: 0 }),
        },
        [`GET /hazard-sources/${HAZARD_ID}/sensors`]: { body: [] },
      }),
    );
    renderInConsole(<HazardSourceScreen id={HAZARD_ID} session={officerSession} />);
    expect((await screen.findByTestId('hazard-rule')).textContent).toBe(
      '各危险化学品实际存在量与临界量之比的和 Σq/Q = 0.42，小于 1，未构成重大危险源（GB 18218-2018 第 4.2 条）。',
    );
    expect(screen.getByTestId('hazard-grade').textContent).toBe('未构成重大危险源');
    expect((await screen.findByTestId('sensors-empty')).textContent).toBe('该危险源尚未接入传感器');
  });

  it('shows each sensor’s value with its unit, band, online state, thresholds and trend with the four thresholds', async () => {
    const calls = answerFetch(routes());
    renderInConsole(<HazardSourceScreen id={HAZARD_ID} session={officerSession} />);
    const cards = await screen.findAllByTestId('sensor-card');
    expect(cards).toHaveLength(2);
    const [level, pressure] = cards as [HTMLElement, HTMLElement];
    expect(within(level).getByTestId('sensor-value').textContent).toBe('8.4 m');
    expect(within(level).getByTestId('sensor-band').textContent).toBe('高报');
    expect(within(level).getByTestId('sensor-online').textContent).toBe('在线');
    expect(within(level).getByTestId('sensor-when').textContent).toBe('最近读数 12/06 13:59:50');
    expect(within(level).getByTestId('sensor-thresholds').textContent).toBe('高高报9 m高报8 m低报1.5 m低低报1 m');
    expect(within(pressure).getByTestId('sensor-value').textContent).toBe('尚无读数');
    expect(within(pressure).getByTestId('sensor-online').textContent).toBe('离线');
    expect(within(pressure).getByTestId('sensor-when').textContent).toBe('自 12/06 12:00:00 离线');
    expect(within(pressure).getByTestId('sensor-thresholds').textContent).toBe('高报1.2 MPa');

    const chart = await within(level).findByTestId('sensor-trend');
    await waitFor(() => expect(svgTexts(chart)).toContain('高高报 9'));
    const texts = svgTexts(chart);
    for (const line of ['高高报 9', '高报 8', '低报 1.5', '低低报 1']) expect(texts).toContain(line);
    expect(texts).toContain('时间（北京时间）');
    expect(texts).toContain('液位（m）');
    // Times on the axis are Beijing time: 05:50Z reads 13:50.
    expect(texts).toContain('13:50');
    expect(chart.textContent).toContain('原始读数');
    // The silent pressure sensor has no readings in the last hour: no chart, a sentence instead.
    expect((await within(pressure).findByTestId('sensor-trend-empty')).textContent).toBe('该时段没有读数');
    expect(within(pressure).queryByTestId('sensor-trend')).toBeNull();
    // The trend asked for is the last hour.
    const asked = new URL(calls.find((c) => c.path.startsWith(`/monitoring/sensors/${SENSOR_ID}`))!.path, 'http://x');
    const span = Date.parse(asked.searchParams.get('to')!) - Date.parse(asked.searchParams.get('from')!);
    expect(span).toBe(60 * 60_000);
  });

  it('reads the sensors again every few seconds, and at once when an alarm about one of them arrives', async () => {
    const calls = answerFetch(routes());
    renderInConsole(<HazardSourceScreen id={HAZARD_ID} session={officerSession} />);
    await screen.findAllByTestId('sensor-card');
    const sensorReads = () => calls.filter((c) => c.path === `/hazard-sources/${HAZARD_ID}/sensors`).length;
    expect(sensorReads()).toBe(1);
    // An alarm about something else changes nothing here.
    act(() =>
      publishLive('alarm.raised', {
        position: '1/1',
        data: { kind: 'monitoring', subject: { type: 'sensor', id: 'other' } },
      }),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(sensorReads()).toBe(1);
    // A high-high alarm on the level sensor: the panel shows the new band without waiting for the next poll.
    answerFetch({
      ...routes({
        [`GET /hazard-sources/${HAZARD_ID}/sensors`]: {
          body: [sensorView({ lastValue: 9.3, band: 'high_high', bandLabel: '高高报' })],
        },
      }),
    });
    act(() =>
      publishLive('alarm.raised', {
        position: '2/2',
        data: { kind: 'monitoring', subject: { type: 'sensor', id: SENSOR_ID } },
      }),
    );
    await waitFor(() => expect(screen.getByTestId('sensor-value').textContent).toBe('9.3 m'), { timeout: 2_000 });
    expect(screen.getByTestId('sensor-band').textContent).toBe('高高报');
    // Then the poll: a value read a few seconds later appears without any event.
    answerFetch({
      ...routes({
        [`GET /hazard-sources/${HAZARD_ID}/sensors`]: {
          body: [sensorView({ lastValue: 8.9, band: 'high', bandLabel: '高报' })],
        },
      }),
    });
    await waitFor(() => expect(screen.getByTestId('sensor-value').textContent).toBe('8.9 m'), { timeout: 8_000 });
  });

  it('lets an admin revise the substances; the enterprise and the kind of unit stay as registered', async () => {
    setSession(adminSession);
    const calls = answerFetch(
      routes({
        [`PATCH /hazard-sources/${HAZARD_ID}`]: { body: hazardSourceView({ grade: 2, exposedPopulation: 150 }) },
      }),
    );
    renderInConsole(<HazardSourceScreen id={HAZARD_ID} session={adminSession} />);
    await userEvent.click(await screen.findByTestId('hazard-edit'));
    const form = screen.getByTestId('hazard-form');
    expect(within(form).queryByTestId('hazard-enterprise')).toBeNull();
    expect((within(form).getByTestId('hazard-unit-kind') as HTMLSelectElement).disabled).toBe(true);
    await userEvent.clear(within(form).getByTestId('hazard-exposed'));
    await userEvent.type(within(form).getByTestId('hazard-exposed'), '150');
    const propane = within(form).getAllByTestId('hazard-substance-row')[1]!;
    await userEvent.clear(within(propane).getByTestId('hazard-sub-q'));
    await userEvent.type(within(propane).getByTestId('hazard-sub-q'), '30');
    await userEvent.click(within(form).getByTestId('hazard-submit'));
    expect((await screen.findByTestId('hazard-saved-grade')).textContent).toBe('已保存：二级重大危险源');
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({
      name: '液氯储罐区',
      exposedPopulation: 150,
      substances: [
        { casNo: '7782-50-5', name: '氯', quantityTonnes: 50 },
        { casNo: '74-98-6', name: '丙烷', quantityTonnes: 30 },
      ],
    });
  });

  it('lets an admin add a sensor, refusing thresholds out of order', async () => {
    setSession(adminSession);
    const added = sensorView({
      id: SECOND_SENSOR,
      code: 'TT-103',
      name: '1号储罐温度',
      kind: 'temperature',
      unit: '℃',
    });
    const calls = answerFetch(routes({ [`POST /hazard-sources/${HAZARD_ID}/sensors`]: { status: 201, body: added } }));
    renderInConsole(<HazardSourceScreen id={HAZARD_ID} session={adminSession} />);
    await userEvent.click(await screen.findByTestId('sensor-add'));
    const form = screen.getByTestId('sensor-form');
    await userEvent.type(within(form).getByTestId('sensor-form-code'), 'TT-103');
    await userEvent.type(within(form).getByTestId('sensor-form-name'), '1号储罐温度');
    await userEvent.selectOptions(within(form).getByTestId('sensor-form-kind'), 'temperature');
    await userEvent.type(within(form).getByTestId('sensor-form-unit'), '℃');
    await userEvent.type(within(form).getByTestId('sensor-form-high'), '60');
    await userEvent.type(within(form).getByTestId('sensor-form-highHigh'), '50');
    await userEvent.click(within(form).getByTestId('sensor-form-submit'));
    expect(within(form).getByTestId('sensor-problem-order').textContent).toBe(
      '阈值须满足 低低报 < 低报 < 高报 < 高高报',
    );
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.clear(within(form).getByTestId('sensor-form-highHigh'));
    await userEvent.type(within(form).getByTestId('sensor-form-highHigh'), '70');
    await userEvent.type(within(form).getByTestId('sensor-form-low'), '-10');
    await userEvent.click(within(form).getByTestId('sensor-form-submit'));
    expect((await screen.findByTestId('sensor-added')).textContent).toBe('传感器已增加');
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      code: 'TT-103',
      name: '1号储罐温度',
      kind: 'temperature',
      unit: '℃',
      expectedIntervalSeconds: 10,
      thresholds: { high: 60, highHigh: 70, low: -10, lowLow: null },
    });
  });
});
