import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { StatisticsLineView, StatisticsView } from '@app/incidents/contract';
import { setSession } from '../../api';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { Statistics } from '../statistics/StatisticsScreen';
import { commander, TREE, YEAR } from './test-targets';

const totals: StatisticsLineView = {
  key: 'total',
  label: '合计',
  incidents: 20,
  deaths: 4,
  missing: 0,
  seriousInjuries: 0,
  minorInjuries: 0,
  injuries: 0,
  directLossYuan: 0,
  grades: { general: 19, major: 1, serious: 0, especially_serious: 0 },
  majorOrAboveShare: 0.05,
};

/** A statistics answer whose share ceiling is `max`, from the jurisdiction's own targets or the default. */
const view = (target: Record<string, unknown>): StatisticsView =>
  ({
    jurisdiction: '640500',
    from: `${YEAR}-01-01T00:00:00+08:00`,
    to: `${YEAR + 1}-01-01T00:00:00+08:00`,
    timeZone: 'Asia/Shanghai',
    groupBy: 'month',
    drillsExcluded: true,
    rows: [],
    totals,
    target,
  }) as unknown as StatisticsView;

function render(target: Record<string, unknown>) {
  setSession(commander);
  answerFetch({ 'GET /statistics': { body: view(target) } });
  renderInConsole(<Statistics session={commander} jurisdictions={TREE} />);
}

// The statistics screen draws three recharts charts, slow in the simulated DOM.
describe('the statistics screen’s share target', { timeout: 60_000 }, () => {
  afterEach(() => setSession(null));

  it('is the jurisdiction’s own target when one is set', async () => {
    render({ majorOrAboveShareMax: 0.06, met: true, source: 'set', year: YEAR });
    const share = await screen.findByTestId('statistics-share');
    expect(share.textContent).toContain('控制目标 ≤ 6%');
    expect(screen.getByTestId('statistics-share-source').textContent).toBe('（本辖区考核目标）');
    expect(screen.getByTestId('statistics-share-verdict').textContent).toBe('达标');
  });

  it('says the ceiling is the default when none is set', async () => {
    render({ majorOrAboveShareMax: 0.02, met: false, source: 'default', year: YEAR });
    await waitFor(() =>
      expect(screen.getByTestId('statistics-share-source').textContent).toBe('（默认目标，本辖区未设定）'),
    );
    expect(screen.getByTestId('statistics-share').textContent).toContain('控制目标 ≤ 2%');
    expect(screen.getByTestId('statistics-share-verdict').textContent).toBe('超出目标');
  });

  it('names no source when the server sends none', async () => {
    render({ majorOrAboveShareMax: 0.02, met: false });
    await screen.findByTestId('statistics-share');
    expect(screen.queryByTestId('statistics-share-source')).toBeNull();
  });

  it('links to the targets screen from its sub-navigation', async () => {
    render({ majorOrAboveShareMax: 0.02, met: false, source: 'default', year: YEAR });
    window.history.replaceState(null, '', '/statistics');
    const link = await screen.findByTestId('subnav-targets');
    expect(link.getAttribute('href')).toBe('/statistics/targets');
    expect(screen.getByTestId('subnav-statistics').getAttribute('aria-current')).toBe('page');
    await userEvent.setup().click(link);
    expect(window.location.pathname).toBe('/statistics/targets');
  });
});
