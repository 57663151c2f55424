import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OnlineRateView } from '@app/monitoring/contract';
import { setSession } from '../../api';
import { publishLive } from '../../app/live-events';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { officerSession, TREE } from '../enterprises/test-enterprises';
import { OnlineRateScreen, percent, worstFirst } from './OnlineRateScreen';

const HOUR = 3_600_000;

function board(now: number, over: Partial<OnlineRateView> = {}): OnlineRateView {
  return {
    jurisdiction: '640500',
    jurisdictionName: '中卫市',
    at: new Date(now).toISOString(),
    sensors: 40,
    online: 35,
    rate: 0.875,
    enterprises: [
      {
        enterpriseId: 'e-good',
        enterpriseName: '宁夏全在线化工有限公司',
        jurisdiction: '640571',
        sensors: 20,
        online: 20,
        rate: 1,
        offline: [],
      },
      {
        enterpriseId: 'e-worst',
        enterpriseName: '<b>中宁县</b>某化工有限公司',
        jurisdiction: '640521',
        sensors: 8,
        online: 4,
        rate: 0.5,
        offline: [
          {
            sensorId: 's-1',
            code: 'LT-201',
            name: '2号罐液位',
            offlineSince: new Date(now - 26 * HOUR - 5 * 60_000).toISOString(),
            hazardSourceId: 'h-9',
            hazardSourceName: '甲醇罐区',
          },
          {
            sensorId: 's-2',
            code: 'PT-202',
            name: '2号罐压力',
            offlineSince: new Date(now - 90 * 60_000).toISOString(),
          },
          { sensorId: 's-3', code: 'GT-203', name: '可燃气体探测器', offlineSince: null },
          {
            sensorId: 's-4',
            code: 'TT-204',
            name: '2号罐温度',
            offlineSince: new Date(now - 10 * 60_000).toISOString(),
          },
        ],
      },
      {
        enterpriseId: 'e-mid',
        enterpriseName: '宁夏瑞泰化工有限公司',
        jurisdiction: '640571',
        sensors: 12,
        online: 11,
        rate: 11 / 12,
        offline: [
          {
            sensorId: 's-5',
            code: 'LT-101',
            name: '1号液氯储罐液位',
            offlineSince: new Date(now - 3 * 60_000).toISOString(),
          },
        ],
      },
    ],
    ...over,
  };
}

describe('the online-rate board', () => {
  beforeEach(() => setSession(officerSession));
  afterEach(() => setSession(null));

  it('shows the jurisdiction’s rate as one figure and each enterprise worst first with how long each sensor is silent', async () => {
    const now = Date.now();
    const calls = answerFetch({
      'GET /jurisdictions': { body: TREE },
      'GET /monitoring/online-rate?jurisdiction=640500': { body: board(now) },
    });
    const { container } = renderInConsole(<OnlineRateScreen session={officerSession} />);
    expect((await screen.findByTestId('monitoring-rate-value')).textContent).toBe('87.5%');
    expect(screen.getByTestId('monitoring-rate').textContent).toContain('中卫市 在线监测监控率');
    expect(screen.getByTestId('monitoring-rate-detail').textContent).toBe('35 / 40 个传感器在线');
    const rows = screen.getAllByTestId('monitoring-row');
    expect(rows.map((r) => r.querySelector('td')!.textContent)).toEqual([
      '<b>中宁县</b>某化工有限公司',
      '宁夏瑞泰化工有限公司',
      '宁夏全在线化工有限公司',
    ]);
    expect(container.querySelector('b')).toBeNull();
    expect(rows.map((r) => within(r).getByTestId('monitoring-row-rate').textContent)).toEqual([
      '50.0%',
      '91.7%',
      '100.0%',
    ]);
    const offline = within(rows[0]!).getAllByTestId('monitoring-offline-sensor');
    expect(offline.map((o) => within(o).getByTestId('monitoring-offline-for').textContent)).toEqual([
      '离线 1 天 2 小时',
      '离线 1 小时 30 分钟',
      '从未上报',
      '离线 10 分钟',
    ]);
    // A sensor whose hazard source is named links to it; otherwise to the enterprise, whose page lists its sources.
    expect(within(offline[0]!).getByRole('link').getAttribute('href')).toBe('/hazard-sources/h-9');
    expect(within(offline[0]!).getByRole('link').textContent).toBe('甲醇罐区 · 2号罐液位');
    expect(within(offline[1]!).getByRole('link').getAttribute('href')).toBe('/enterprises/e-worst');
    expect(within(rows[2]!).getByText('全部在线')).toBeTruthy();
    expect(calls[calls.length - 1]!.path).toBe('/monitoring/online-rate?jurisdiction=640500');
  });

  it('asks for another jurisdiction when chosen, and reads again when a monitoring alarm arrives', async () => {
    const now = Date.now();
    const calls = answerFetch({
      'GET /jurisdictions': { body: TREE },
      'GET /monitoring/online-rate?jurisdiction=640500': { body: board(now) },
      'GET /monitoring/online-rate?jurisdiction=640521': {
        body: board(now, {
          jurisdiction: '640521',
          jurisdictionName: '中宁县',
          sensors: 0,
          online: 0,
          rate: null,
          enterprises: [],
        }),
      },
    });
    renderInConsole(<OnlineRateScreen session={officerSession} />);
    await screen.findByTestId('monitoring-rate-value');
    await waitFor(() => expect(screen.getAllByRole('option', { name: /中宁县/ })).toHaveLength(1));
    await userEvent.selectOptions(screen.getByTestId('monitoring-jurisdiction'), '640521');
    await waitFor(() => expect(screen.getByTestId('monitoring-rate-value').textContent).toBe('—'));
    expect(screen.getByTestId('monitoring-rate-detail').textContent).toBe('暂无接入的传感器');
    const reads = () => calls.filter((c) => c.path.startsWith('/monitoring/online-rate')).length;
    const before = reads();
    act(() => publishLive('alarm.changed', { position: '3/3', data: { kind: 'stock', subject: { id: 'x' } } }));
    act(() => publishLive('alarm.raised', { position: '4/4', data: { kind: 'monitoring', subject: { id: 's-9' } } }));
    await waitFor(() => expect(reads()).toBeGreaterThan(before));
  });

  it('puts the lowest rate first, then the most sensors offline, and units without sensors last', () => {
    const e = (id: string, rate: number | null, offline: number) => ({
      enterpriseId: id,
      enterpriseName: id,
      jurisdiction: '640500',
      sensors: 10,
      online: 0,
      rate,
      offline: Array.from({ length: offline }, (_, i) => ({
        sensorId: `${id}${i}`,
        code: '',
        name: '',
        offlineSince: null,
      })),
    });
    expect(
      worstFirst([e('a', null, 0), e('b', 1, 0), e('c', 0.5, 1), e('d', 0.5, 3), e('f', 0, 10)]).map(
        (x) => x.enterpriseId,
      ),
    ).toEqual(['f', 'd', 'c', 'b', 'a']);
    expect(percent(0.99949)).toBe('99.9%');
    expect(percent(null)).toBe('—');
  });
});
