import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { publishLive } from '../../app/live-events';
import { answerFetch, renderInConsole } from '../../test-support/render';
import type { Session } from '../../ui-types';
import { AlarmBell } from './AlarmBell';
import { AlarmCentreScreen } from './AlarmCentreScreen';
import { alarmView } from './test-alarms';

const session = (roles: string[]) =>
  ({
    accessToken: 'token',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: { id: 'u-1', username: 'duty', displayName: '张值班', roles, jurisdiction: '640521' },
  }) as unknown as Session;

const overdue = alarmView({ id: 'a-overdue', urgency: 1 });
const due = alarmView({
  id: 'a-due',
  severity: 'major',
  title: '向设区的市级上报时限将至',
  dueAt: new Date(Date.now() + 7 * 60_000 + 30_000).toISOString(),
  urgency: 2,
  escalation: { level: 1, label: '已升级至带班领导', at: new Date().toISOString() },
});
const acknowledged = alarmView({
  id: 'a-ack',
  kind: 'stock',
  severity: 'minor',
  status: 'acknowledged',
  title: '帐篷低于最低储备',
  dueAt: null,
  acknowledgedAt: new Date().toISOString(),
  acknowledgedBy: { id: 'u-2', name: '李指挥' },
  acknowledgementNote: '<img src=x onerror=alert(1)>已联系补库',
  urgency: 3,
});

const cards = () => screen.getAllByTestId('alarm');

describe('AlarmCentreScreen', () => {
  it('lists the server alarms most urgent first with live minutes, escalation and who acknowledged with the note as text', async () => {
    answerFetch({ 'GET /alarms': { body: [overdue, due, acknowledged] } });
    const { container } = renderInConsole(<AlarmCentreScreen session={session(['duty_officer'])} />);
    await waitFor(() => expect(cards()).toHaveLength(3));
    expect(cards().map((c) => c.getAttribute('data-alarm-id'))).toEqual(['a-overdue', 'a-due', 'a-ack']);
    expect(within(cards()[0]!).getByTestId('alarm-clock').textContent).toBe('已逾期 20 分钟');
    expect(within(cards()[1]!).getByTestId('alarm-clock').textContent).toBe('剩余 7 分钟');
    expect(within(cards()[1]!).getByTestId('alarm-escalation').textContent).toBe('已升级至带班领导');
    expect(within(cards()[0]!).queryByTestId('alarm-escalation')).toBeNull();
    const ack = within(cards()[2]!).getByTestId('alarm-acknowledged').textContent!;
    expect(ack).toContain('李指挥');
    expect(ack).toContain('<img src=x onerror=alert(1)>已联系补库');
    expect(container.querySelector('img')).toBeNull();
    // Only an unacknowledged alarm offers the button.
    expect(within(cards()[2]!).queryByTestId('alarm-acknowledge')).toBeNull();
  });

  it('acknowledges with the typed note and shows the answer', async () => {
    const calls = answerFetch({
      'GET /alarms': { body: [overdue] },
      'POST /alarms/a-overdue/acknowledge': {
        body: {
          ...overdue,
          status: 'acknowledged',
          revision: 1,
          acknowledgedAt: new Date().toISOString(),
          acknowledgedBy: { id: 'u-1', name: '张值班' },
          acknowledgementNote: '已电话催报',
          replayed: false,
        },
      },
    });
    renderInConsole(<AlarmCentreScreen session={session(['duty_officer'])} />);
    await waitFor(() => expect(cards()).toHaveLength(1));
    await userEvent.type(screen.getByTestId('alarm-note'), '已电话催报');
    await userEvent.click(screen.getByTestId('alarm-acknowledge'));
    await waitFor(() => expect(cards()[0]!.getAttribute('data-status')).toBe('acknowledged'));
    expect(calls.filter((c) => c.method === 'POST')).toEqual([
      { method: 'POST', path: '/alarms/a-overdue/acknowledge', body: { note: '已电话催报' } },
    ]);
    expect(screen.getByTestId('alarm-acknowledged').textContent).toContain('张值班');
    expect(screen.queryByTestId('alarm-acknowledge')).toBeNull();
  });

  it('shows a viewer the unacknowledged alarm without a button', async () => {
    answerFetch({ 'GET /alarms': { body: [overdue] } });
    renderInConsole(<AlarmCentreScreen session={session(['viewer'])} />);
    await waitFor(() => expect(cards()).toHaveLength(1));
    expect(cards()[0]!.getAttribute('data-status')).toBe('raised');
    expect(screen.queryByTestId('alarm-acknowledge')).toBeNull();
  });

  it('asks the server for the chosen status and kind', async () => {
    const calls = answerFetch({
      'GET /alarms': { body: [overdue] },
      'GET /alarms?status=resolved': { body: [] },
      'GET /alarms?status=resolved&kind=stock': { body: [] },
    });
    renderInConsole(<AlarmCentreScreen session={session(['duty_officer'])} />);
    await waitFor(() => expect(cards()).toHaveLength(1));
    await userEvent.selectOptions(screen.getByTestId('alarm-filter-status'), 'resolved');
    await waitFor(() => expect(screen.queryAllByTestId('alarm')).toHaveLength(0));
    await userEvent.selectOptions(screen.getByTestId('alarm-filter-kind'), 'stock');
    await waitFor(() => expect(calls.map((c) => c.path)).toContain('/alarms?status=resolved&kind=stock'));
    expect(screen.getByText('当前没有符合条件的告警')).toBeTruthy();
  });

  it('an alarm acknowledged on another console leaves the unacknowledged list and the bell counts down', async () => {
    answerFetch({ 'GET /alarms': { body: [overdue, due] }, 'GET /alarms?status=raised': { body: [overdue, due] } });
    renderInConsole(
      <>
        <AlarmBell />
        <AlarmCentreScreen session={session(['duty_officer'])} />
      </>,
    );
    await waitFor(() => expect(screen.getByTestId('alarm-count').textContent).toBe('2'));
    await waitFor(() => expect(cards()).toHaveLength(2));
    act(() =>
      publishLive('alarm.changed', {
        position: '9',
        data: { ...due, status: 'acknowledged', revision: 2, acknowledgedBy: { id: 'u-9', name: '王值班' } },
      }),
    );
    await waitFor(() => expect(screen.getByTestId('alarm-count').textContent).toBe('1'));
    // Still listed among the open ones, now acknowledged, after the unacknowledged one.
    expect(cards().map((c) => [c.getAttribute('data-alarm-id'), c.getAttribute('data-status')])).toEqual([
      ['a-overdue', 'raised'],
      ['a-due', 'acknowledged'],
    ]);
    // A newly raised alarm joins both, in urgency order; an older delta does not undo a newer state.
    act(() => publishLive('alarm.raised', { position: '10', data: alarmView({ id: 'a-new', urgency: 0 }) }));
    act(() => publishLive('alarm.changed', { position: '8', data: { ...due, revision: 1 } }));
    await waitFor(() => expect(screen.getByTestId('alarm-count').textContent).toBe('2'));
    expect(cards().map((c) => c.getAttribute('data-alarm-id'))).toEqual(['a-new', 'a-overdue', 'a-due']);
    expect(cards()[2]!.getAttribute('data-status')).toBe('acknowledged');
  });

  it('keeps the alarms of one incident together under one heading and acknowledges them all with one note', async () => {
    const report = alarmView({ id: 'a-report', urgency: 1 });
    const other = alarmView({ id: 'b-report', subject: { type: 'incident', id: 'i-2' }, urgency: 2 });
    const notify = alarmView({ id: 'a-notify', title: '通知公安机关已逾期', urgency: 3 });
    const calls = answerFetch({
      'GET /alarms': { body: [report, other, notify] },
      'POST /alarms/a-report/acknowledge': { body: { ...report, status: 'acknowledged', revision: 1 } },
      'POST /alarms/a-notify/acknowledge': { body: { ...notify, status: 'acknowledged', revision: 1 } },
    });
    renderInConsole(<AlarmCentreScreen session={session(['duty_officer'])} />);
    await waitFor(() => expect(cards()).toHaveLength(3));
    // The second incident's alarm no longer sits between the first incident's two.
    expect(cards().map((c) => c.getAttribute('data-alarm-id'))).toEqual(['a-report', 'a-notify', 'b-report']);
    const group = screen.getByTestId('alarm-group');
    expect(group.getAttribute('data-count')).toBe('2');
    expect(group.textContent).toContain('同一对象 2 项告警（2 项未确认）');
    await userEvent.type(within(group).getByTestId('alarm-group-note'), '已电话催报');
    await userEvent.click(within(group).getByTestId('alarm-group-acknowledge'));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'POST').map((c) => [c.path, c.body])).toEqual([
        ['/alarms/a-report/acknowledge', { note: '已电话催报' }],
        ['/alarms/a-notify/acknowledge', { note: '已电话催报' }],
      ]),
    );
    await waitFor(() =>
      expect(
        within(group)
          .getAllByTestId('alarm')
          .map((c) => c.getAttribute('data-status')),
      ).toEqual(['acknowledged', 'acknowledged']),
    );
    expect(
      cards()
        .find((c) => c.getAttribute('data-alarm-id') === 'b-report')!
        .getAttribute('data-status'),
    ).toBe('raised');
  });
});
