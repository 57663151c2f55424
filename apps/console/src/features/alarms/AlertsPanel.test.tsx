import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { publishLive } from '../../app/live-events';
import { answerFetch, renderInConsole } from '../../test-support/render';
import type { Session } from '../../ui-types';
import { AlarmBell } from './AlarmBell';
import { UnacknowledgedAlarms } from './AlertsPanel';
import { alarmView } from './test-alarms';

const session = {
  accessToken: 'token',
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
  user: { id: 'u-1', username: 'duty', displayName: '张值班', roles: ['duty_officer'], jurisdiction: '640521' },
} as unknown as Session;

describe('the side panel of unacknowledged alarms', () => {
  it('shows the five most urgent with the count, and drops one acknowledged on another console', async () => {
    const alarms = Array.from({ length: 7 }, (_, n) => alarmView({ id: `a-${n}`, urgency: n, title: `告警 ${n}` }));
    answerFetch({ 'GET /alarms?status=raised': { body: alarms } });
    renderInConsole(
      <>
        <AlarmBell />
        <UnacknowledgedAlarms session={session} />
      </>,
    );
    await waitFor(() => expect(screen.getByTestId('panel-alarm-count').textContent).toBe('7'));
    const shown = () => screen.getAllByTestId('alarm').map((c) => c.getAttribute('data-alarm-id'));
    expect(shown()).toEqual(['a-0', 'a-1', 'a-2', 'a-3', 'a-4']);
    expect(screen.getByText('告警中心还有 2 条')).toBeTruthy();
    act(() =>
      publishLive('alarm.changed', { position: '5', data: { ...alarms[0]!, status: 'acknowledged', revision: 1 } }),
    );
    await waitFor(() => expect(screen.getByTestId('panel-alarm-count').textContent).toBe('6'));
    expect(shown()).toEqual(['a-1', 'a-2', 'a-3', 'a-4', 'a-5']);
    expect(screen.getByTestId('alarm-count').textContent).toBe('6');
  });
});
