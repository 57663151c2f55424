import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReplayView } from '@app/replay/contract';
import { answerFetch, renderInConsole } from '../../test-support/render';
import type { Session } from '../../ui-types';
import { ReplayScreen } from './ReplayScreen';

/** The replay's own socket, played by the test: it records what the screen subscribes to and delivers messages. */
const socket = vi.hoisted(() => {
  const handlers = new Map<string, (payload: unknown) => void>();
  const subscribed: unknown[] = [];
  const fake = {
    handlers,
    subscribed,
    on(name: string, handler: (payload: unknown) => void) {
      handlers.set(name, handler);
      if (name === 'connect') queueMicrotask(() => handler(undefined));
      return fake;
    },
    timeout: () => ({
      emitWithAck: (name: string, body: unknown) => {
        subscribed.push({ name, body });
        return Promise.resolve({ ok: true });
      },
    }),
    removeAllListeners: () => handlers.clear(),
    disconnect: () => undefined,
  };
  return fake;
});
vi.mock('socket.io-client', () => ({ io: () => socket }));

const session: Session = {
  accessToken: 't',
  expiresAt: '2099-01-01T00:00:00Z',
  user: { id: 'u1', username: 'cmd', displayName: '指挥长', roles: ['commander'], jurisdiction: '640500' },
};
const incidentId = '33333333-3333-4333-8333-333333333333';
const replay: ReplayView = {
  replayId: 'r1',
  incidentId,
  drillId: null,
  status: 'running',
  speed: 20,
  at: '2026-12-06T01:00:00Z',
  from: '2026-12-06T01:00:00Z',
  to: '2026-12-06T03:00:00Z',
  emitted: 0,
  total: 5,
  position: null,
  startedBy: 'u1',
  startedAt: '2026-12-06T05:00:00Z',
};

beforeEach(() => {
  socket.subscribed.length = 0;
  socket.handlers.clear();
});

async function start(lang: 'zh' | 'en') {
  const calls = answerFetch({
    'POST /replays': { status: 201, body: { replayId: 'r1' } },
    'GET /replays/r1': { body: replay },
  });
  renderInConsole(<ReplayScreen incidentId={incidentId} session={session} />, { lang });
  await userEvent.click(screen.getByTestId('replay-start'));
  await waitFor(() => expect(socket.subscribed).toHaveLength(1));
  return calls;
}

describe('ReplayScreen', () => {
  it('starts a replay at the chosen speed, follows its room and names each event in Chinese', async () => {
    const calls = await start('zh');
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/replays', body: { incidentId, speed: 20 } });
    expect(socket.subscribed[0]).toEqual({ name: 'subscribe', body: { replayId: 'r1' } });
    expect(screen.getByTestId('replay-status').textContent).toBe('回放中');
    act(() =>
      socket.handlers.get('replay.event')!({
        position: null,
        data: {
          replayId: 'r1',
          index: 1,
          total: 5,
          incidentId,
          event: { type: 'TeamAssigned', streamName: 's', revision: 2, data: {}, recordedAt: '2026-12-06T01:30:00Z' },
          state: null,
        },
      }),
    );
    expect(screen.getByTestId('replay-event-name').textContent).toBe('调派队伍');
    expect(screen.getByTestId('replay-last-event').textContent).not.toContain('TeamAssigned');
  });

  it('names events and statuses in English', async () => {
    await start('en');
    expect(screen.getByTestId('replay-status').textContent).toBe('Running');
    act(() =>
      socket.handlers.get('replay.event')!({
        position: null,
        data: {
          replayId: 'r1',
          index: 0,
          total: 5,
          incidentId,
          event: {
            type: 'IncidentReported',
            streamName: 's',
            revision: 1,
            data: {},
            recordedAt: '2026-12-06T01:00:00Z',
          },
          state: null,
        },
      }),
    );
    expect(screen.getByTestId('replay-last-event').textContent).toMatch(/^Last event: Incident reported \(1\/5\) /);
  });

  it('says a refusal from its code in the current language', async () => {
    answerFetch({
      'POST /replays': {
        status: 422,
        body: {
          code: 'REPLAY_QUOTA_EXCEEDED',
          detail: '您正在进行的回放已达上限（2 个），请暂停其中一个或等待其播放结束',
        },
      },
    });
    renderInConsole(<ReplayScreen incidentId={incidentId} session={session} />, { lang: 'en' });
    await userEvent.click(screen.getByTestId('replay-start'));
    expect((await screen.findByTestId('replay-error')).textContent).toBe('You have as many replays running as allowed');
    expect(socket.subscribed).toHaveLength(0);
  });
});
