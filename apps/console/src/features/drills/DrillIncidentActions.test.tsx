import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { TeamView } from '@app/teams/contract';
import type { WarehouseView } from '@app/warehouses/contract';
import { setSession } from '../../api';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { incidentView } from '../incident/test-fixtures';
import { DrillIncidentActions } from './DrillIncidentActions';
import { coordinatorSession, DRILL_ID, DRILL_INCIDENT_ID, drillView } from './test-drills';

const SENT = '11111111-1111-4111-8111-111111111111';
const FREE = '22222222-2222-4222-8222-222222222222';
const WAREHOUSE = '33333333-3333-4333-8333-333333333333';

const incident = incidentView({
  id: DRILL_INCIDENT_ID,
  title: '演练：储罐泄漏',
  drillId: DRILL_ID,
  assignedTeams: [
    {
      teamId: SENT,
      name: '市消防救援支队特勤站',
      task: '关阀堵漏',
      status: 'dispatched',
      dispatchedAt: '2026-12-06T02:02:00Z',
      arrivedAt: null,
      releasedAt: null,
      simulated: true,
    },
  ],
});
const teams = [
  { id: SENT, name: '市消防救援支队特勤站', jurisdictionName: '中卫市', status: 'available' },
  { id: FREE, name: '园区危化品救援队', jurisdictionName: '中卫工业园区', status: 'available' },
] as TeamView[];
const warehouses = [
  {
    id: WAREHOUSE,
    name: '市级应急物资储备库',
    stock: [{ warehouseId: WAREHOUSE, materialCode: '2010102', materialName: '吸油毡', unit: '箱', available: 40 }],
  },
] as WarehouseView[];

function serve(status: 'running' | 'ended', extra: Record<string, { status?: number; body?: unknown }> = {}) {
  return answerFetch({
    [`GET /drills/${DRILL_ID}`]: {
      body: drillView({ status, statusLabel: status === 'running' ? '进行中' : '已结束' }),
    },
    'GET /teams': { body: teams },
    'GET /warehouses': { body: warehouses },
    ...extra,
  });
}
const posts = (calls: { method: string; path: string; body: unknown }[]) => calls.filter((c) => c.method === 'POST');

describe('the actions of a drill incident', () => {
  afterEach(() => setSession(null));

  it('dispatches on paper with a task, to a team not already sent', async () => {
    setSession(coordinatorSession);
    const calls = serve('running', { [`POST /drills/${DRILL_ID}/dispatches`]: { status: 201, body: incident } });
    renderInConsole(<DrillIncidentActions incident={incident} />);
    const choice = await screen.findByTestId('sim-dispatch-team');
    await waitFor(() => expect(within(choice).getAllByRole('option')).toHaveLength(2));
    expect(choice.textContent).not.toContain('市消防救援支队特勤站');
    await userEvent.selectOptions(choice, FREE);
    await userEvent.type(screen.getByTestId('sim-dispatch-task'), '下风向侦检');
    await userEvent.click(screen.getByTestId('sim-dispatch-submit'));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]).toEqual({
      method: 'POST',
      path: `/drills/${DRILL_ID}/dispatches`,
      body: { incidentId: DRILL_INCIDENT_ID, teamId: FREE, task: '下风向侦检' },
    });
    expect((await screen.findByTestId('drill-actions-feedback')).textContent).toBe('已模拟调派 园区危化品救援队');
  });

  it('allocates on paper: a warehouse, a material by name, a whole quantity', async () => {
    setSession(coordinatorSession);
    const calls = serve('running', {
      [`POST /drills/${DRILL_ID}/allocations`]: { status: 201, body: { ...incident, allocationId: 'a1' } },
    });
    renderInConsole(<DrillIncidentActions incident={incident} />);
    const warehouse = await screen.findByTestId('sim-allocate-warehouse');
    await waitFor(() => expect(warehouse.textContent).toContain('市级应急物资储备库'));
    await userEvent.selectOptions(warehouse, WAREHOUSE);
    await userEvent.selectOptions(screen.getByTestId('sim-allocate-material'), '2010102');
    await userEvent.clear(screen.getByTestId('sim-allocate-quantity'));
    await userEvent.type(screen.getByTestId('sim-allocate-quantity'), '2.5');
    await userEvent.click(screen.getByTestId('sim-allocate-submit'));
    expect(screen.getByText('数量须为正整数')).toBeTruthy();
    expect(posts(calls)).toHaveLength(0);
    await userEvent.clear(screen.getByTestId('sim-allocate-quantity'));
    await userEvent.type(screen.getByTestId('sim-allocate-quantity'), '12');
    await userEvent.click(screen.getByTestId('sim-allocate-submit'));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]!.body).toEqual({
      incidentId: DRILL_INCIDENT_ID,
      warehouseId: WAREHOUSE,
      items: [{ materialCode: '2010102', quantity: 12 }],
    });
  });

  it('reports a simulated arrival for a team sent, and shows the server’s refusal in Chinese', async () => {
    setSession(coordinatorSession);
    const calls = serve('running', {
      [`POST /drills/${DRILL_ID}/arrivals`]: {
        status: 409,
        body: { code: 'TEAM_NOT_DISPATCHED', status: 409, title: 'Conflict', detail: '该队伍未被调派到此演练事故' },
      },
    });
    renderInConsole(<DrillIncidentActions incident={incident} />);
    const team = await screen.findByTestId('sim-arrival-team');
    expect(team.textContent).toContain('市消防救援支队特勤站');
    expect(team.textContent).toContain('关阀堵漏');
    await userEvent.click(within(team).getByTestId('sim-arrive'));
    await waitFor(() => expect(posts(calls)).toHaveLength(1));
    expect(posts(calls)[0]).toEqual({
      method: 'POST',
      path: `/drills/${DRILL_ID}/arrivals`,
      body: { incidentId: DRILL_INCIDENT_ID, teamId: SENT },
    });
    const error = await screen.findByTestId('drill-actions-failed');
    expect(error.getAttribute('data-code')).toBe('TEAM_NOT_DISPATCHED');
    expect(error.textContent).toContain('该队伍未被调派到此演练事故，不能报告到达');
  });

  it('shows when a team arrived instead of offering the arrival again', async () => {
    setSession(coordinatorSession);
    serve('running');
    const arrived = {
      ...incident,
      assignedTeams: [{ ...incident.assignedTeams[0]!, status: 'on_scene', arrivedAt: '2026-12-06T02:10:00Z' }],
    };
    renderInConsole(<DrillIncidentActions incident={arrived} />);
    expect((await screen.findByTestId('sim-arrived-at')).textContent).toMatch(/^已于 .*10:10:00 到达$/);
    expect(screen.queryByTestId('sim-arrive')).toBeNull();
  });

  it('says so when the drill runs but this incident’s response has ended', async () => {
    setSession(coordinatorSession);
    serve('running');
    renderInConsole(<DrillIncidentActions incident={{ ...incident, status: 'closed' }} />);
    expect((await screen.findByTestId('drill-actions-not-running')).textContent).toBe(
      '该演练事故已响应终止，不再模拟处置',
    );
    expect(screen.queryByTestId('sim-dispatch')).toBeNull();
  });

  it('offers nothing once the drill has ended', async () => {
    setSession(coordinatorSession);
    serve('ended');
    renderInConsole(<DrillIncidentActions incident={incident} />);
    await screen.findByTestId('drill-actions-open-drill');
    // The workspace says the drill has ended; the panel does not say it a second time.
    expect(screen.queryByTestId('drill-actions-not-running')).toBeNull();
    expect(screen.queryByTestId('sim-dispatch')).toBeNull();
    expect(screen.queryByTestId('sim-allocate')).toBeNull();
    expect(screen.queryByTestId('sim-arrive')).toBeNull();
  });

  it('offers a user who may not act in drills nothing to press', async () => {
    setSession({ ...coordinatorSession, user: { ...coordinatorSession.user, roles: ['viewer'] } });
    serve('running');
    renderInConsole(<DrillIncidentActions incident={incident} />);
    await screen.findByTestId('drill-actions-open-drill');
    expect(screen.queryByTestId('sim-dispatch')).toBeNull();
    expect(screen.queryByTestId('sim-arrive')).toBeNull();
  });
});
