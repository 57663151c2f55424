import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answerFetch, renderInConsole } from '../../test-support/render';
import type { Session } from '../../ui-types';
import { IDS, NAMES, SAMPLE_EVENTS } from './replay-fixtures';
import { deliver, incidentState, replayEvent, replayView, socket, withStore } from './replay-test-kit';
import { ReplayScreen } from './ReplayScreen';

vi.mock('socket.io-client', async () => {
  const kit = await import('./socket-fake');
  return { io: () => kit.socket };
});

const session: Session = {
  accessToken: 't',
  expiresAt: '2099-01-01T00:00:00Z',
  user: { id: 'u1', username: 'cmd', displayName: '指挥长', roles: ['commander'], jurisdiction: '640500' },
};
const incidentId = IDS.incident;
const view = replayView({ incidentId });

beforeEach(() => {
  socket.subscribed.length = 0;
  socket.handlers.clear();
});

async function start(lang: 'zh' | 'en' = 'zh', routes: Parameters<typeof answerFetch>[0] = {}) {
  const calls = answerFetch({
    'POST /replays': { status: 201, body: { replayId: 'r1' } },
    'GET /replays/r1': { body: view },
    ...routes,
  });
  renderInConsole(withStore(<ReplayScreen incidentId={incidentId} session={session} />), { lang });
  const speed = screen.getByTestId('replay-speed');
  await userEvent.clear(speed);
  await userEvent.type(speed, '10');
  await userEvent.click(screen.getByTestId('replay-start'));
  await waitFor(() => expect(socket.subscribed).toHaveLength(1));
  return calls;
}

describe('ReplayScreen', () => {
  it('starts at the chosen speed and labels every figure: events played, speed, replay time with its date', async () => {
    const calls = await start();
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ path: '/replays', body: { incidentId, speed: 10 } });
    expect(socket.subscribed[0]).toEqual({ name: 'subscribe', body: { replayId: 'r1' } });
    expect(screen.getByTestId('replay-status').textContent).toBe('回放中');
    expect(screen.getByTestId('replay-played').textContent).toBe('已播放 0/6 条事件');
    expect(screen.getByTestId('replay-speed-shown').textContent).toBe('倍速 20×');
    expect(screen.getByTestId('replay-from').textContent).toBe('记录起始 12/06 09:00:00');
    expect(screen.getByTestId('replay-to').textContent).toBe('记录结束 12/06 11:00:00');
    expect(screen.getByTestId('replay-span').textContent).toBe('记录时长 120 分钟');

    deliver(socket, replayEvent(0, 'IncidentReported', { recordedAt: '2026-12-06T01:00:00Z', state: incidentState() }));
    deliver(
      socket,
      replayEvent(1, 'AccidentGradeChanged', {
        recordedAt: '2026-12-06T01:20:00Z',
        state: incidentState({ grade: 'major', revision: 2 }),
      }),
    );
    expect(screen.getByTestId('replay-played').textContent).toBe('已播放 2/6 条事件');
    expect(screen.getByTestId('replay-at').textContent).toBe('12/06 09:20:00');
    expect(screen.getByTestId('replay-casualties').textContent).toBe(
      '死亡 1 人，失踪 0 人，重伤 2 人，轻伤 3 人，被困 0 人',
    );
    expect(screen.getByTestId('replay-teams').textContent).toBe('已调派队伍 0 支');
    expect(screen.getByTestId('replay-allocations').textContent).toBe('物资调拨 0 单');
    expect(screen.getByTestId('replay-state').dataset.grade).toBe('major');
  });

  it('lists the events as Chinese sentences with who recorded them, the newest highlighted', async () => {
    await start();
    deliver(
      socket,
      replayEvent(0, 'IncidentReported', {
        state: incidentState(),
        actor: { name: '值班员小王', kind: 'person', via: null },
      }),
    );
    deliver(socket, replayEvent(1, 'AccidentGradeChanged', { actor: { name: '调度流程', kind: 'system', via: null } }));
    deliver(socket, replayEvent(2, 'StockAllocated'));
    deliver(socket, replayEvent(3, 'TeamAssigned', { actor: { name: '张指挥', kind: 'person', via: '调度流程' } }));
    const rows = screen.getAllByTestId('replay-event');
    expect(rows.map((r) => within(r).getByTestId('replay-event-text').textContent)).toEqual([
      expect.stringContaining(`接报：${NAMES.incident}（一般事故，危险化学品）`),
      '事故等级由一般事故升为较大事故，须按新等级重新上报',
      `${NAMES.warehouse}调拨物资（已预留）：棉帐篷 × 2`,
      `【演练·模拟】调派队伍：${NAMES.team}，任务：堵漏`,
    ]);
    expect(rows.map((r) => within(r).getByTestId('replay-event-actor').textContent)).toEqual([
      '操作人：值班员小王',
      '操作人：系统：调度流程',
      '操作人：张指挥',
      '操作人：张指挥 (经调度流程)',
    ]);
    expect(screen.getByTestId('replay-events').textContent).not.toMatch(/AccidentGradeChanged|StockAllocated/);
    expect(rows.map((r) => r.getAttribute('aria-current'))).toEqual([null, null, null, 'true']);
    // The state says it is a drill incident: the whole drill's replay is one click away.
    expect(screen.getByTestId('open-drill-replay').getAttribute('href')).toBe(`/replay/drill/${IDS.drill}`);
  });

  it('sends pause, resume, a new speed and a seek; after a seek it takes the backlog again', async () => {
    const calls = await start('zh', {
      'POST /replays/r1/pause': { body: replayView({ incidentId, status: 'paused' }) },
      'POST /replays/r1/resume': { body: replayView({ incidentId, status: 'running' }) },
      'POST /replays/r1/speed': { body: replayView({ incidentId, status: 'running', speed: 50 }) },
      'POST /replays/r1/seek': { body: replayView({ incidentId, status: 'running', at: '2026-12-06T02:00:00Z' }) },
    });
    await userEvent.click(screen.getByTestId('replay-pause'));
    await waitFor(() => expect(screen.getByTestId('replay-status').textContent).toBe('已暂停'));
    await userEvent.click(screen.getByTestId('replay-resume'));
    await waitFor(() => expect(screen.getByTestId('replay-status').textContent).toBe('回放中'));
    const speed = screen.getByTestId('replay-speed');
    await userEvent.clear(speed);
    await userEvent.type(speed, '50');
    await userEvent.click(screen.getByTestId('replay-speed-apply'));
    await waitFor(() => expect(screen.getByTestId('replay-speed-shown').textContent).toBe('倍速 50×'));
    fireEvent.change(screen.getByTestId('replay-scrubber'), {
      target: { value: String(Date.parse('2026-12-06T02:00:00Z')) },
    });
    await waitFor(() => expect(calls.some((c) => c.path === '/replays/r1/seek')).toBe(true));
    expect(calls.filter((c) => c.method === 'POST').map((c) => [c.path, c.body])).toEqual([
      ['/replays', { incidentId, speed: 10 }],
      ['/replays/r1/pause', {}],
      ['/replays/r1/resume', {}],
      ['/replays/r1/speed', { speed: 50 }],
      ['/replays/r1/seek', { at: '2026-12-06T02:00:00.000Z' }],
    ]);
    await waitFor(() => expect(screen.getByTestId('replay-at').textContent).toBe('12/06 10:00:00'));
    // The server re-sends the last event before the instant with `seek`: the screen asks for the backlog again.
    deliver(socket, replayEvent(0, 'IncidentReported', { state: incidentState() }));
    deliver(socket, replayEvent(2, 'ResponseLevelSet', { seek: true, state: incidentState({ responseLevel: 'II' }) }));
    await waitFor(() => expect(socket.subscribed).toHaveLength(2));
    expect(screen.getAllByTestId('replay-event')).toHaveLength(1);
    deliver(socket, replayEvent(0, 'IncidentReported', { state: incidentState() }));
    deliver(socket, replayEvent(1, 'AccidentGradeChanged'));
    deliver(socket, replayEvent(2, 'ResponseLevelSet', { state: incidentState({ responseLevel: 'II' }) }));
    expect(screen.getAllByTestId('replay-event').map((r) => r.dataset.index)).toEqual(['0', '1', '2']);
    expect(screen.getByTestId('replay-played').textContent).toBe('已播放 3/6 条事件');
    // The backlog does not move the replay time back from the instant sought.
    expect(screen.getByTestId('replay-at').textContent).toBe('12/06 10:00:00');
  });

  it('pauses the running replay before starting another, so it keeps no running slot', async () => {
    const calls = await start('zh', {
      'POST /replays/r1/pause': { body: replayView({ incidentId, status: 'paused' }) },
    });
    await userEvent.click(screen.getByTestId('replay-start'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(3));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/replays',
      '/replays/r1/pause',
      '/replays',
    ]);
  });

  it('speaks English in English mode', async () => {
    await start('en');
    expect(screen.getByTestId('replay-status').textContent).toBe('Running');
    expect(screen.getByTestId('replay-played').textContent).toBe('Played 0 of 6 events');
    deliver(socket, replayEvent(0, 'TeamRecalledFromDrill'));
    expect(screen.getByTestId('replay-event-text').textContent).toBe(
      `${NAMES.team} recalled from the drill, available again`,
    );
    expect(screen.getByTestId('replay-event-actor').textContent).toBe('By: 张指挥');
  });

  it('says a refusal in Chinese from its code', async () => {
    answerFetch({
      'POST /replays': {
        status: 409,
        body: {
          status: 409,
          code: 'REPLAY_QUOTA_EXCEEDED',
          detail: '您正在进行的回放已达上限（3 个），请暂停其中一个或等待其播放结束',
        },
      },
    });
    renderInConsole(<ReplayScreen incidentId={incidentId} session={session} />);
    await userEvent.click(screen.getByTestId('replay-start'));
    const error = await screen.findByTestId('replay-error');
    expect(error.textContent).toContain('您同时进行的回放已达上限');
    expect(error.textContent).not.toContain('REPLAY_QUOTA_EXCEEDED');
    expect(socket.subscribed).toHaveLength(0);
  });

  it('shows markup in a user-typed title as the characters typed', async () => {
    await start();
    const title = '<img src=x onerror=alert(1)>储罐';
    deliver(
      socket,
      replayEvent(0, 'IncidentReported', {
        data: { ...SAMPLE_EVENTS.IncidentReported, title },
        state: incidentState({ title }),
      }),
    );
    expect(screen.getByTestId('replay-event-text').textContent).toContain(title);
    expect(document.querySelector('img[src="x"]')).toBeNull();
  });
});
