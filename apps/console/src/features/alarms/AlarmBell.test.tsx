import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
});
