import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { publishLive } from '../../app/live-events';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { AlarmBell } from './AlarmBell';
import { alarmView } from './test-alarms';

/** A Web Audio context that records the tones started, so the test hears what the console plays. */
const tones: number[] = [];
class RecordingAudioContext {
  state = 'running';
  currentTime = 0;
  destination = {};
  resume = () => Promise.resolve();
  createOscillator() {
    const osc = {
      type: 'sine',
      frequency: { value: 0 },
      connect: (node: unknown) => node,
      start: () => tones.push(osc.frequency.value),
      stop: () => undefined,
    };
    return osc;
  }
  createGain() {
    const gain = {
      gain: { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined },
      connect: (node: unknown) => node,
    };
    return gain;
  }
}

describe('AlarmBell', () => {
  beforeEach(() => {
    tones.length = 0;
    localStorage.clear();
    vi.stubGlobal('AudioContext', RecordingAudioContext);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('counts the unacknowledged alarms and sounds while a critical one waits; the mute switch is remembered', async () => {
    answerFetch({ 'GET /alarms?status=raised': { body: [alarmView(), alarmView({ id: 'b', severity: 'minor' })] } });
    const first = renderInConsole(<AlarmBell />);
    await waitFor(() => expect(screen.getByTestId('alarm-count').textContent).toBe('2'));
    expect(screen.getByTestId('alarm-bell').getAttribute('data-critical')).toBe('true');
    await waitFor(() => expect(tones.length).toBeGreaterThan(0));
    await userEvent.click(screen.getByTestId('alarm-mute'));
    expect(localStorage.getItem('console.alarms.muted')).toBe('1');
    expect(screen.getByTestId('alarm-mute').getAttribute('aria-pressed')).toBe('true');
    first.unmount();

    // A reload keeps the switch: no tone although a critical alarm waits.
    tones.length = 0;
    renderInConsole(<AlarmBell />);
    await waitFor(() => expect(screen.getByTestId('alarm-count').textContent).toBe('2'));
    expect(screen.getByTestId('alarm-mute').textContent).toBe('取消静音');
    expect(tones).toEqual([]);
  });

  it('plays nothing when only minor alarms wait', async () => {
    answerFetch({ 'GET /alarms?status=raised': { body: [alarmView({ severity: 'minor' })] } });
    renderInConsole(<AlarmBell />);
    await waitFor(() => expect(screen.getByTestId('alarm-count').textContent).toBe('1'));
    expect(tones).toEqual([]);
  });

  it('asks for notification permission only when the button is pressed', async () => {
    const requestPermission = vi.fn(() => Promise.resolve('granted'));
    vi.stubGlobal(
      'Notification',
      Object.assign(function Notification() {}, { permission: 'default', requestPermission }),
    );
    answerFetch({ 'GET /alarms?status=raised': { body: [] } });
    renderInConsole(<AlarmBell />);
    await waitFor(() => expect(screen.getByTestId('alarm-count').textContent).toBe('0'));
    expect(requestPermission).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId('alarm-notify'));
    expect(requestPermission).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByTestId('alarm-notify')).toBeNull());
  });

  it('sounds for a deadline due within minutes too, before it is overdue', async () => {
    const due = alarmView({ severity: 'major', dueAt: new Date(Date.now() + 8 * 60_000).toISOString() });
    answerFetch({ 'GET /alarms?status=raised': { body: [due] } });
    renderInConsole(<AlarmBell />);
    await waitFor(() => expect(screen.getByTestId('alarm-count').textContent).toBe('1'));
    expect(screen.getByTestId('alarm-bell').getAttribute('data-urgent')).toBe('true');
    await waitFor(() => expect(tones.length).toBeGreaterThan(0));
  });

  it('notifies when an unacknowledged alarm is escalated, and not for a raise replayed after a newer state', async () => {
    const shown: { title: string; body: string }[] = [];
    vi.stubGlobal(
      'Notification',
      Object.assign(
        function Notification(title: string, options: { body: string }) {
          shown.push({ title, body: options.body });
        },
        { permission: 'granted', requestPermission: () => Promise.resolve('granted') },
      ),
    );
    answerFetch({ 'GET /alarms?status=raised': { body: [] } });
    renderInConsole(<AlarmBell />);
    await waitFor(() => expect(screen.getByTestId('alarm-count').textContent).toBe('0'));
    const raised = alarmView({ id: 'esc', revision: 0 });
    act(() => publishLive('alarm.raised', { position: '1', data: raised }));
    await waitFor(() => expect(shown).toHaveLength(1));
    const before = tones.length;
    act(() =>
      publishLive('alarm.changed', {
        position: '2',
        data: {
          ...raised,
          revision: 1,
          escalation: { level: 1, label: '已升级至带班领导', at: new Date().toISOString() },
        },
      }),
    );
    await waitFor(() => expect(shown).toHaveLength(2));
    expect(shown[1]!.title).toBe('已升级至带班领导 向设区的市级上报已逾期');
    expect(tones.length).toBeGreaterThan(before);
    // Acknowledged elsewhere (revision 2), then the raise replayed by a resume: no notification for it.
    act(() =>
      publishLive('alarm.changed', { position: '3', data: { ...raised, revision: 2, status: 'acknowledged' } }),
    );
    act(() => publishLive('alarm.raised', { position: '1', data: raised }));
    await new Promise((r) => setTimeout(r, 50));
    expect(shown).toHaveLength(2);
  });
});
