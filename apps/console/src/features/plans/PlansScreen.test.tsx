import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PlanGovernanceListView, PlanGovernanceView } from '@app/plans/contract';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { PlansScreen } from './PlansScreen';

const plan: PlanGovernanceView = {
  planId: 'p1',
  title: '中卫市危险化学品事故应急预案',
  kind: 'special',
  kindLabel: '专项应急预案',
  jurisdiction: '640500',
  jurisdictionName: '中卫市',
  ownerKind: 'government',
  ownerKindLabel: '人民政府及其部门',
  status: 'published',
  statusLabel: '已发布',
  version: 2,
  inForceVersion: 2,
  review: null,
  publishedOn: '2026-11-20',
  filing: {
    deadline: '2026-12-18',
    provisional: false,
    state: 'overdue',
    stateLabel: '逾期未备案',
    filedOn: null,
    authority: null,
    daysLeft: -2,
    basis: '',
  },
  evaluation: null,
  drill: {
    lastDrillOn: '2024-05-10',
    lastDrillId: null,
    intervalMonths: 24,
    nextDueOn: '2026-05-10',
    state: 'overdue',
    stateLabel: '逾期未演练',
    daysLeft: -210,
    basis: '',
  },
};

const answer = { 'GET /plans/governance': { body: { plans: [plan] } as unknown as PlanGovernanceListView } };

describe('PlansScreen', () => {
  it('reads GET /plans/governance and shows states and dates with their year in Chinese', async () => {
    const calls = answerFetch(answer);
    renderInConsole(<PlansScreen />);
    const row = await screen.findByTestId('plan-row');
    expect(within(row).getByTestId('plan-facts').textContent).toBe('专项应急预案 · 人民政府及其部门 · 中卫市');
    expect(within(row).getByTestId('plan-filing').textContent).toBe('逾期未备案（期限 2026/12/18）');
    expect(within(row).getByTestId('plan-filing').dataset.overdue).toBe('true');
    expect(within(row).getByTestId('plan-drill').textContent).toBe('逾期未演练（上次 2024/05/10，期限 2026/05/10）');
    expect(calls.map((c) => c.path)).toEqual(['/plans/governance']);
  });

  it('links each title to its plan page and says which version is in force', async () => {
    answerFetch({
      'GET /plans/governance': {
        body: { asOf: '2026-12-06', plans: [{ ...plan, version: 3 }], jurisdictions: [] },
      },
    });
    renderInConsole(<PlansScreen />);
    const link = await screen.findByTestId('plan-link');
    expect(link.getAttribute('href')).toBe('/plans/p1');
    expect(link.textContent).toBe('中卫市危险化学品事故应急预案');
    expect(screen.getByTestId('plan-versions').textContent).toBe('现行第 2 版 · 最新第 3 版');
    await userEvent.click(link);
    expect(window.location.pathname).toBe('/plans/p1');
  });

  it('keeps markup in a title as text', async () => {
    const title = '<img src=x onerror="window.pwned=1"><b>预案</b>';
    answerFetch({ 'GET /plans/governance': { body: { plans: [{ ...plan, title }] } } });
    const { container } = renderInConsole(<PlansScreen />);
    expect((await screen.findByTestId('plan-link')).textContent).toBe(title);
    expect(container.querySelector('img, b')).toBeNull();
  });

  it('renders the same plan in English from its codes', async () => {
    answerFetch(answer);
    renderInConsole(<PlansScreen />, { lang: 'en' });
    const row = await screen.findByTestId('plan-row');
    expect(within(row).getByTestId('plan-facts').textContent).toBe(
      'Special plan · Government and its departments · 中卫市',
    );
    expect(within(row).getByTestId('plan-status').textContent).toBe('Published');
    expect(within(row).getByTestId('plan-filing').textContent).toBe('Filing overdue (due 18 Dec 2026)');
    expect(within(row).getByTestId('plan-drill').textContent).toBe('Drill overdue (last 10 May 2024, due 10 May 2026)');
  });

  it('says a refusal from its code, in both languages', async () => {
    answerFetch({
      'GET /plans/governance': { status: 403, body: { code: 'FORBIDDEN', detail: '当前角色无权执行此操作' } },
    });
    const first = renderInConsole(<PlansScreen />);
    expect((await screen.findByTestId('plans-error')).textContent).toBe('当前角色无权执行此操作');
    first.unmount();
    renderInConsole(<PlansScreen />, { lang: 'en' });
    expect((await screen.findByTestId('plans-error')).textContent).toBe('Your role may not do this');
  });
});
