import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { IncidentView } from '@app/incidents/contract';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { MovesSheet } from './moves-sheet';
import type { Act } from './shared';
import { incidentView, teamView } from './test-fixtures';

const run: Act = async (_label, fn, after) => {
  await fn();
  after?.();
};

const assignment = (teamId: string, name: string, status: string): IncidentView['assignedTeams'][number] => ({
  teamId,
  name,
  task: '储罐堵漏',
  status,
  dispatchedAt: '2026-11-23T02:10:00Z',
  arrivedAt: null,
  releasedAt: null,
});

describe('MovesSheet', () => {
  it('offers each assigned team the moves it can make next and logs one as a status report', async () => {
    const calls = answerFetch({ 'POST /teams/team-1/status': { body: { id: 'team-1' } } });
    const incident = incidentView({ assignedTeams: [assignment('team-1', '中卫市危化品救援一队', 'dispatched')] });
    renderInConsole(<MovesSheet incident={incident} teams={{ 'team-1': teamView() }} busy={false} act={run} />);
    const row = screen.getByTestId('move-team');
    expect(row.textContent).toContain('任务：储罐堵漏');
    const moves = within(row).getAllByTestId('team-move');
    expect(moves.map((m) => m.textContent)).toEqual(['出发（途中）', '返回']);
    await userEvent.click(moves[0]!);
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')).toMatchObject({
        path: '/teams/team-1/status',
        body: { status: 'en_route' },
      }),
    );
  });

  it('follows the team board: en route offers arrival; on scene offers only the return', () => {
    answerFetch({});
    const incident = incidentView({ assignedTeams: [assignment('team-1', '一队', 'dispatched')] });
    const { rerender } = renderInConsole(
      <MovesSheet
        incident={incident}
        teams={{ 'team-1': teamView({ status: 'en_route', nextStatuses: ['on_scene', 'returning'] }) }}
        busy={false}
        act={run}
      />,
    );
    expect(screen.getAllByTestId('team-move').map((m) => m.getAttribute('data-to'))).toEqual(['on_scene', 'returning']);
    rerender(
      <MovesSheet
        incident={incident}
        teams={{ 'team-1': teamView({ status: 'on_scene', nextStatuses: ['returning'] }) }}
        busy={false}
        act={run}
      />,
    );
    expect(screen.getAllByTestId('team-move').map((m) => m.getAttribute('data-to'))).toEqual(['returning']);
  });

  it('offers nothing for a team released from the incident or sent elsewhere', () => {
    answerFetch({});
    const incident = incidentView({
      assignedTeams: [assignment('team-1', '一队', 'on_scene'), assignment('team-2', '二队', 'returning')],
    });
    renderInConsole(
      <MovesSheet
        incident={incident}
        teams={{
          'team-1': teamView({ status: 'dispatched', incidentId: 'another-incident' }),
          'team-2': teamView({ id: 'team-2', status: 'available', incidentId: null, nextStatuses: ['out_of_service'] }),
        }}
        busy={false}
        act={run}
      />,
    );
    expect(screen.queryByTestId('team-move')).toBeNull();
    expect(screen.getByText('尚无在途或在场的队伍')).toBeTruthy();
  });
});
