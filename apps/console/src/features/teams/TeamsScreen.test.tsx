import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { TeamView } from '@app/teams/contract';
import { publishLive } from '../../app/live-events';
import { answerFetch, renderInConsole } from '../../test-support/render';
import type { Session } from '../../ui-types';
import { TeamsScreen } from './TeamsScreen';

const session: Session = {
  accessToken: 't',
  expiresAt: '2099-01-01T00:00:00Z',
  user: { id: 'u1', username: 'duty', displayName: '值班员甲', roles: ['duty_officer'], jurisdiction: '640500' },
};

const team: TeamView = {
  id: '11111111-1111-4111-8111-111111111111',
  name: '中卫市危化救援队',
  kind: 'professional',
  kindLabel: '专业救援队伍',
  specialties: ['hazardous_chemicals', 'fire'],
  specialtyLabels: ['危险化学品处置', '灭火救援'],
  headcount: 24,
  equipment: [],
  base: { lat: 37.5, lng: 105.2, address: '中卫市沙坡头区' },
  jurisdiction: '640500',
  jurisdictionName: '中卫市',
  contact: { name: '张队', phone: '13900000000' },
  status: 'dispatched',
  statusLabel: '已调派',
  nextStatuses: ['en_route', 'available'],
  statusSince: '2026-12-06T05:00:00Z',
  incidentId: '22222222-2222-4222-8222-222222222222',
  drillId: null,
  location: { lat: 37.5, lng: 105.2 },
  revision: 4,
  position: '10/10',
};

const routes = {
  'GET /teams': { body: [team] },
  [`GET /incidents/${team.incidentId}`]: { body: { id: team.incidentId, title: '某化工厂泄漏' } },
};

describe('TeamsScreen', () => {
  it('names kind, specialties and status from their codes in Chinese, and the incident by its title', async () => {
    answerFetch(routes);
    renderInConsole(<TeamsScreen session={session} />);
    const row = await screen.findByTestId('team-row');
    expect(within(row).getByTestId('team-kind').textContent).toBe('专业救援队伍');
    expect(within(row).getByTestId('team-specialties').textContent).toBe('危险化学品处置、灭火救援');
    expect(within(row).getByTestId('team-status').textContent).toBe('已调派');
    await waitFor(() => expect(within(row).getByRole('link').textContent).toBe('某化工厂泄漏'));
    expect(row.textContent).not.toContain('640500');
  });

  it('shows the same team in English without the server’s Chinese labels', async () => {
    answerFetch(routes);
    renderInConsole(<TeamsScreen session={session} />, { lang: 'en' });
    const row = await screen.findByTestId('team-row');
    expect(within(row).getByTestId('team-kind').textContent).toBe('Professional rescue');
    expect(within(row).getByTestId('team-specialties').textContent).toBe('Hazardous chemicals, Firefighting');
    expect(within(row).getByTestId('team-status').textContent).toBe('Dispatched');
    expect(screen.getByTestId('team-count-en_route').textContent).toBe('En route 0');
  });

  it('sends the status report chosen and shows the team’s new status', async () => {
    const calls = answerFetch({
      ...routes,
      [`POST /teams/${team.id}/status`]: { body: { ...team, status: 'en_route', statusLabel: '途中' } },
    });
    renderInConsole(<TeamsScreen session={session} />);
    const row = await screen.findByTestId('team-row');
    await userEvent.selectOptions(within(row).getByTestId('team-status-report'), 'en_route');
    await waitFor(() => expect(screen.getByTestId('team-feedback').textContent).toBe('中卫市危化救援队：途中'));
    const sent = calls.find((c) => c.method === 'POST');
    expect(sent).toMatchObject({ path: `/teams/${team.id}/status`, body: { status: 'en_route' } });
    expect(within(screen.getByTestId('team-row')).getByTestId('team-status').textContent).toBe('途中');
  });

  it('renders a refusal from its code in the current language, never the raw code', async () => {
    answerFetch({
      ...routes,
      [`POST /teams/${team.id}/status`]: {
        status: 422,
        body: { code: 'ILLEGAL_STATUS_TRANSITION', detail: '队伍状态不能从“已调派”变为“待命”' },
      },
    });
    const { unmount } = renderInConsole(<TeamsScreen session={session} />, { lang: 'en' });
    await userEvent.selectOptions(
      within(await screen.findByTestId('team-row')).getByTestId('team-status-report'),
      'available',
    );
    await waitFor(() =>
      expect(screen.getByTestId('team-feedback').textContent).toBe(
        '中卫市危化救援队：The team cannot move from its status to the one reported',
      ),
    );
    expect(screen.getByTestId('team-feedback').dataset.kind).toBe('error');
    unmount();
    renderInConsole(<TeamsScreen session={session} />);
    await userEvent.selectOptions(
      within(await screen.findByTestId('team-row')).getByTestId('team-status-report'),
      'available',
    );
    await waitFor(() =>
      expect(screen.getByTestId('team-feedback').textContent).toBe(
        '中卫市危化救援队：队伍当前状态不能转为所报状态 · 队伍状态不能从“已调派”变为“待命”',
      ),
    );
  });

  it('applies a team.changed delta', async () => {
    answerFetch(routes);
    renderInConsole(<TeamsScreen session={session} />);
    await screen.findByTestId('team-row');
    act(() =>
      publishLive('team.changed', { position: '11/11', data: { ...team, status: 'on_scene', position: '11/11' } }),
    );
    await waitFor(() => expect(screen.getByTestId('team-row').dataset.status).toBe('on_scene'));
    // An older version arriving late does not undo it.
    act(() => publishLive('team.changed', { position: '10/10', data: team }));
    expect(screen.getByTestId('team-row').dataset.status).toBe('on_scene');
  });
});
