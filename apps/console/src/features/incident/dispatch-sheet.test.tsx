import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { DispatchSheet } from './dispatch-sheet';
import type { Act } from './shared';
import { INCIDENT_ID, incidentView, recommendations, teamView } from './test-fixtures';

/** Runs a command as the workspace does, minus the feedback line: the request goes out, then `after`. */
const run: Act = async (_label, fn, after) => {
  await fn();
  after?.();
};

const team = (teamId: string, name: string, reason: string) => ({
  teamId,
  name,
  kind: 'professional' as const,
  matchedSpecialties: [],
  distanceKm: 2.5,
  etaMinutes: 8,
  reason,
});

describe('DispatchSheet', () => {
  it('shows what each needed specialty still lacks, the missing ones first and the met ones marked', () => {
    renderInConsole(
      <DispatchSheet teamsNow={{}} incident={incidentView()} recs={recommendations()} busy={false} act={run} />,
    );
    const needs = screen.getAllByTestId('team-need');
    expect(needs.map((n) => n.textContent)).toEqual(['医疗救护 0/1', '危险化学品处置 2/2（已满足）']);
    expect(needs.map((n) => n.getAttribute('data-remaining'))).toEqual(['1', '0']);
  });

  it('dispatches a team with the task typed for it, and never offers a team already working the incident', async () => {
    const calls = answerFetch({ 'POST /teams/t-med/dispatch': { status: 201, body: { id: 't-med' } } });
    const recs = recommendations({
      teams: [
        team('t-med', '中卫市医疗救护队', '匹配专长：医疗救护；距离 2.5 公里'),
        team('t-haz', '中卫市危化品救援一队', '所需危险化学品处置队伍已满足；距离 1 公里'),
      ],
    });
    const incident = incidentView({
      assignedTeams: [
        {
          teamId: 't-haz',
          name: '中卫市危化品救援一队',
          task: '堵漏',
          status: 'en_route',
          dispatchedAt: '2026-11-23T02:10:00Z',
          arrivedAt: null,
          releasedAt: null,
        },
      ],
    });
    renderInConsole(<DispatchSheet teamsNow={{}} incident={incident} recs={recs} busy={false} act={run} />);
    const rows = screen.getAllByTestId('recommended-team');
    expect(rows.map((r) => r.getAttribute('data-team-id'))).toEqual(['t-med']);
    await userEvent.type(within(rows[0]!).getByTestId('dispatch-task'), '  伤员救治、转运  ');
    await userEvent.click(within(rows[0]!).getByTestId('dispatch-team'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      path: '/teams/t-med/dispatch',
      body: { incidentId: INCIDENT_ID, task: '伤员救治、转运' },
    });
    // Sent: the team is not offered again while the incident catches up with the dispatch.
    await waitFor(() => expect(screen.queryByTestId('recommended-team')).toBeNull());
  });

  it('does not offer a team the live team board no longer shows available', () => {
    const recs = recommendations({ teams: [team('t-med', '医疗队', '匹配专长：医疗救护'), team('t-2', '二队', 'x')] });
    renderInConsole(
      <DispatchSheet
        incident={incidentView()}
        teamsNow={{ 't-med': teamView({ id: 't-med', status: 'dispatched', incidentId: 'another' }) }}
        recs={recs}
        busy={false}
        act={run}
      />,
    );
    expect(screen.getAllByTestId('recommended-team').map((r) => r.getAttribute('data-team-id'))).toEqual(['t-2']);
  });

  it('sends no task when none is typed, and says so when no team is available', async () => {
    const calls = answerFetch({ 'POST /teams/t-med/dispatch': { status: 201, body: {} } });
    const { unmount } = renderInConsole(
      <DispatchSheet
        incident={incidentView()}
        teamsNow={{}}
        recs={recommendations({ teams: [team('t-med', '医疗队', '匹配专长：医疗救护')] })}
        busy={false}
        act={run}
      />,
    );
    await userEvent.click(screen.getByTestId('dispatch-team'));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ incidentId: INCIDENT_ID }));
    unmount();
    renderInConsole(
      <DispatchSheet teamsNow={{}} incident={incidentView()} recs={recommendations()} busy={false} act={run} />,
    );
    expect(screen.getByText('辖区内暂无可调派的队伍')).toBeTruthy();
    expect(screen.queryByTestId('dispatch-team')).toBeNull();
  });
});
