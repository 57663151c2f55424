import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderInConsole } from '../../test-support/render';
import { initialState, reducer } from '../../store-reducer';
import { StaleBanner } from './StaleBanner';

// 14:32:05 in Beijing.
const LOST = '2026-12-06T06:32:05.000Z';
const at = (ms: number) => Date.parse(LOST) + ms;

describe('StaleBanner', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows nothing while the data is current', () => {
    renderInConsole(<StaleBanner staleSince={null} connection="connected" />);
    expect(screen.queryByTestId('stale-banner')).toBeNull();
  });

  it('says as of when the data is, in Beijing time, and how long ago, counting on while it shows', () => {
    let now = at(3 * 60_000 + 10_000);
    renderInConsole(<StaleBanner staleSince={LOST} connection="disconnected" now={() => now} />);
    expect(screen.getByTestId('stale-since').textContent).toBe('数据截至 14:32:05（3分钟前）');
    expect(screen.getByTestId('stale-banner').textContent).toContain('正在重新连接');
    now = at(65 * 60_000);
    act(() => {
      vi.advanceTimersByTime(1000);
    });
    expect(screen.getByTestId('stale-since').textContent).toBe('数据截至 14:32:05（1小时前）');
  });

  it('says it is catching up once the line is back but the missed changes are not in yet', () => {
    renderInConsole(<StaleBanner staleSince={LOST} connection="connected" now={() => at(20_000)} />);
    expect(screen.getByTestId('stale-since').textContent).toBe('数据截至 14:32:05（20秒钟前）');
    expect(screen.getByTestId('stale-banner').textContent).toContain('正在同步中断期间的变化');
  });

  it('speaks English, and names the date when the data is from another day', () => {
    renderInConsole(<StaleBanner staleSince={LOST} connection="disconnected" now={() => at(26 * 3600_000)} />, {
      lang: 'en',
    });
    expect(screen.getByTestId('stale-since').textContent).toBe('Data as of 06/12/2026, 14:32:05 (1 day ago)');
    expect(screen.getByTestId('stale-banner').textContent).toContain('The live connection is lost');
  });
});

describe('the store’s staleness', () => {
  it('is stale from the first loss of the line until the console has caught up, not merely reconnected', () => {
    let s = reducer(initialState, { type: 'connection', state: 'connected' });
    expect(s.staleSince).toBeNull();
    s = reducer(s, { type: 'connection', state: 'disconnected', at: LOST });
    expect(s.staleSince).toBe(LOST);
    // Failed reconnection attempts do not move the time the data is from.
    s = reducer(s, { type: 'connection', state: 'disconnected', at: '2026-12-06T06:40:00.000Z' });
    expect(s.staleSince).toBe(LOST);
    s = reducer(s, { type: 'connection', state: 'connected' });
    expect(s).toMatchObject({ connection: 'connected', staleSince: LOST });
    s = reducer(s, { type: 'live.current' });
    expect(s.staleSince).toBeNull();
  });
});
