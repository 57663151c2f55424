import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { WarehouseView } from '@app/warehouses/contract';
import { publishLive } from '../../app/live-events';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { StockScreen } from './StockScreen';

const warehouse: WarehouseView = {
  id: 'w1',
  name: '中宁县应急物资储备库',
  level: 'county',
  levelLabel: '县级',
  location: { address: '中宁县宁安镇', lat: 37.49, lng: 105.68 },
  jurisdiction: '640521',
  jurisdictionName: '中宁县',
  reserveKind: 'physical',
  reserveKindLabel: '实物储备',
  revision: 3,
  stock: [
    {
      warehouseId: 'w1',
      materialCode: '2010101',
      materialName: '正压式空气呼吸器',
      unit: '套',
      onHand: 12,
      reserved: 2,
      available: 10,
      minimum: 15,
      belowMinimum: true,
      // Midnight in Beijing: still 28 February in UTC.
      nearestExpiry: '2027-03-01T00:00:00+08:00',
      nearExpiry: false,
    },
  ],
};

describe('StockScreen', () => {
  it('reads GET /warehouses and shows material, unit and expiry year in Chinese', async () => {
    const calls = answerFetch({ 'GET /warehouses': { body: [warehouse] } });
    renderInConsole(<StockScreen />);
    const line = await screen.findByTestId('stock-line');
    expect(within(line).getByTestId('stock-material').textContent).toBe('正压式空气呼吸器');
    expect(within(line).getByTestId('stock-on-hand').textContent).toBe('12 套');
    expect(within(line).getByTestId('stock-expiry').textContent).toBe('2027/03/01');
    expect(line.dataset.belowMinimum).toBe('true');
    expect(screen.getByTestId('warehouse-facts').textContent).toContain('县级 · 实物储备');
    expect(screen.getByTestId('warehouse-facts').textContent).not.toContain('640521');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /warehouses']);
  });

  it('names the same codes in English, with the expiry date and its year', async () => {
    answerFetch({ 'GET /warehouses': { body: [warehouse] } });
    renderInConsole(<StockScreen />, { lang: 'en' });
    const line = await screen.findByTestId('stock-line');
    expect(within(line).getByTestId('stock-material').textContent).toBe('Positive-pressure breathing apparatus');
    expect(within(line).getByTestId('stock-on-hand').textContent).toBe('12 sets');
    expect(within(line).getByTestId('stock-expiry').textContent).toBe('1 Mar 2027');
    expect(screen.getByTestId('warehouse-facts').textContent).toContain('County · Physical reserve');
  });

  it('applies a stock.changed delta to the line it names', async () => {
    answerFetch({ 'GET /warehouses': { body: [warehouse] } });
    renderInConsole(<StockScreen />);
    await screen.findByTestId('stock-line');
    act(() =>
      publishLive('stock.changed', {
        position: '9/9',
        data: { ...warehouse.stock[0]!, onHand: 20, available: 18, belowMinimum: false },
      }),
    );
    await waitFor(() => expect(screen.getByTestId('stock-available').textContent).toBe('18'));
    expect(screen.getByTestId('stock-line').dataset.belowMinimum).toBe('false');
  });

  it('says in words when the server cannot be reached', async () => {
    globalThis.fetch = (() => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch;
    renderInConsole(<StockScreen />, { lang: 'en' });
    expect((await screen.findByTestId('stock-error')).textContent).toBe(
      'Cannot reach the server. Check the network and try again',
    );
  });
});
