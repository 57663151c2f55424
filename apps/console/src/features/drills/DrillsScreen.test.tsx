import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { setSession } from '../../api';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { DrillsScreen } from './DrillsScreen';
import {
  coordinatorSession,
  COUNTY_TREE,
  countySession,
  draftPlan,
  drillView,
  PLAN_ID,
  planInForce,
  scenario,
  SCENARIO_ID,
  TREE,
} from './test-drills';

const NEW_ID = '0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f';

function serve(extra: Record<string, { status?: number; body?: unknown }> = {}) {
  return answerFetch({
    'GET /drills': {
      body: [
        drillView({ status: 'running', statusLabel: '进行中', startedAt: '2026-12-06T02:00:00Z' }),
        drillView({
          id: NEW_ID,
          title: '实战演练：园区疏散',
          form: 'live',
          scope: 'single',
          planId: null,
          planVersion: null,
        }),
      ],
    },
    'GET /plans': { body: [planInForce, draftPlan] },
    'GET /scenarios': { body: [scenario] },
    'GET /jurisdictions': { body: TREE },
    ...extra,
  });
}

describe('the drills screen', () => {
  afterEach(() => setSession(null));

  it('lists the drills in words: status, form, scope, the plan by title and version, local times', async () => {
    setSession(coordinatorSession);
    serve();
    renderInConsole(<DrillsScreen />);
    const rows = await screen.findAllByTestId('drill-row');
    expect(rows).toHaveLength(2);
    const running = rows[0]!;
    expect(running.textContent).toContain('危化品泄漏综合演练');
    expect(within(running).getByTestId('drill-status').textContent).toBe('进行中');
    expect(running.textContent).toContain('桌面演练');
    expect(running.textContent).toContain('综合演练');
    await waitFor(() =>
      expect(within(running).getByTestId('drill-plan').textContent).toBe('中卫市危险化学品事故专项应急预案（第 2 版）'),
    );
    // 02:00 UTC is 10:00 in the jurisdiction's zone; no ISO string, no id is shown.
    expect(within(running).getByTestId('drill-times').textContent).toMatch(/^开始于 .*10:00/);
    expect(running.textContent).not.toContain('2026-12-06T');
    expect(running.textContent).not.toContain(PLAN_ID);
    const other = rows[1]!;
    expect(other.textContent).toContain('实战演练');
    expect(other.textContent).toContain('单项演练');
    expect(within(other).getByTestId('drill-plan').textContent).toBe('未关联预案');
    expect(within(other).getByTestId('drill-status').textContent).toBe('待开始');
  });

  it('plans a drill from a plan version in force and a library scenario, previewing its injects in words', async () => {
    setSession(coordinatorSession);
    const calls = serve({ 'POST /drills': { status: 201, body: drillView({ id: NEW_ID }) } });
    renderInConsole(<DrillsScreen />);
    await screen.findAllByTestId('drill-row');
    // Only plans with a version in force are offered, by title.
    const planChoice = screen.getByTestId('drill-plan-choice');
    await waitFor(() => expect(within(planChoice).getAllByRole('option')).toHaveLength(2));
    expect(planChoice.textContent).toContain('中卫市危险化学品事故专项应急预案（现行第 2 版）');
    expect(planChoice.textContent).not.toContain('尚未发布的预案');
    await userEvent.selectOptions(planChoice, PLAN_ID);
    await waitFor(() => expect(screen.getByTestId('drill-scenario').textContent).toContain('园区储罐泄漏情景'));
    await userEvent.selectOptions(screen.getByTestId('drill-scenario'), SCENARIO_ID);
    const preview = screen.getAllByTestId('scenario-inject').map((li) => li.textContent);
    expect(preview).toEqual([
      '开始后 0 分 0 秒 · 演练接报 · 接报：演练：储罐泄漏，中卫工业园区纬三路',
      '开始后 1 分 30 秒 · 情况通报 · 通报：风向转为东南风',
      '开始后 5 分 0 秒 · 演练续报 · 续报「第 1 条接报的事故」：死亡 1 人、重伤 0 人、轻伤 0 人、失踪 0 人、被困 3 人',
    ]);
    await userEvent.type(screen.getByTestId('drill-title'), '2026年危化品泄漏桌面演练');
    await userEvent.type(
      screen.getByTestId('drill-participants'),
      '市应急管理局{enter}市消防救援支队{enter}王五（市应急局，总指挥）{enter}{enter}',
    );
    await userEvent.click(screen.getByTestId('drill-create-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/drills',
      body: {
        title: '2026年危化品泄漏桌面演练',
        form: 'tabletop',
        scope: 'comprehensive',
        jurisdiction: '640500',
        // One participant a line: the comma inside a name does not split it.
        participants: ['市应急管理局', '市消防救援支队', '王五（市应急局，总指挥）'],
        planId: PLAN_ID,
        scenarioId: SCENARIO_ID,
      },
    });
    await waitFor(() => expect(window.location.pathname).toBe(`/drills/${NEW_ID}`));
  });

  it('offers a county coordinator only the county and what lies below it, and sends that county', async () => {
    setSession(countySession);
    const calls = serve({
      'GET /jurisdictions': { body: COUNTY_TREE },
      'POST /drills': { status: 201, body: drillView({ id: NEW_ID }) },
    });
    renderInConsole(<DrillsScreen />);
    const where = await screen.findByTestId('drill-jurisdiction');
    await waitFor(() => expect(within(where).getAllByRole('option')).toHaveLength(2));
    expect(
      within(where)
        .getAllByRole('option')
        .map((o) => o.getAttribute('value')),
    ).toEqual(['640521', '640521100']);
    expect(where.textContent).not.toContain('中卫市');
    expect(where.textContent).not.toContain('沙坡头区');
    await userEvent.type(screen.getByTestId('drill-title'), '中宁县防汛演练');
    await userEvent.click(screen.getByTestId('drill-create-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true));
    expect((calls.find((c) => c.method === 'POST')!.body as { jurisdiction: string }).jurisdiction).toBe('640521');
  });

  it('refuses a drill without a name before asking the server, and shows the server’s refusal in Chinese', async () => {
    setSession(coordinatorSession);
    const calls = serve({
      'POST /drills': {
        status: 422,
        body: { code: 'PLAN_NOT_IN_FORCE', status: 422, title: 'Unprocessable', detail: '该预案没有现行版本' },
      },
    });
    renderInConsole(<DrillsScreen />);
    await screen.findAllByTestId('drill-row');
    await userEvent.click(screen.getByTestId('drill-create-submit'));
    expect(screen.getByText('请填写演练名称')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.type(screen.getByTestId('drill-title'), '演练');
    await userEvent.click(screen.getByTestId('drill-create-submit'));
    const error = await screen.findByTestId('drill-create-error');
    expect(error.getAttribute('data-code')).toBe('PLAN_NOT_IN_FORCE');
    expect(error.textContent).not.toContain('PLAN_NOT_IN_FORCE');
  });

  it('offers no planning form to a user who does not run drills', async () => {
    setSession({ ...coordinatorSession, user: { ...coordinatorSession.user, roles: ['commander'] } });
    serve();
    renderInConsole(<DrillsScreen />);
    await screen.findAllByTestId('drill-row');
    expect(screen.queryByTestId('drill-create')).toBeNull();
    expect(screen.getAllByTestId('drill-row')[0]!.textContent).toContain('危化品泄漏综合演练');
  });
});
