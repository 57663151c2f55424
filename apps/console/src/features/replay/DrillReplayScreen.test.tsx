import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { DrillReplayScreen } from './DrillReplayScreen';
import { IDS, NAMES } from './replay-fixtures';
import { coordinator, deliver, incidentState, replayEvent, replayView, socket, withStore } from './replay-test-kit';

vi.mock('socket.io-client', async () => {
  const kit = await import('./socket-fake');
  return { io: () => kit.socket };
});

const drillId = IDS.drill;
const second = '77777777-7777-4777-8777-777777777777';
const view = replayView({ drillId, total: 8 });

beforeEach(() => {
  socket.subscribed.length = 0;
  socket.handlers.clear();
});

async function start(routes: Parameters<typeof answerFetch>[0] = {}) {
  const calls = answerFetch({
    'POST /replays': { status: 201, body: { replayId: 'r1' } },
    'GET /replays/r1': { body: view },
    ...routes,
  });
  const rendered = renderInConsole(withStore(<DrillReplayScreen drillId={drillId} session={coordinator} />));
  await userEvent.click(screen.getByTestId('replay-start'));
  await waitFor(() => expect(socket.subscribed).toHaveLength(1));
  return { calls, container: rendered.container };
}

/** A drill played: planned and started by the coordinator, an inject reports an incident, a team, an allocation. */
function playDrill() {
  deliver(socket, replayEvent(0, 'DrillPlanned', { total: 8, actor: { name: '王组织', kind: 'person', via: null } }));
  deliver(socket, replayEvent(1, 'DrillStarted', { total: 8, actor: { name: '王组织', kind: 'person', via: null } }));
  deliver(
    socket,
    replayEvent(2, 'IncidentReported', {
      total: 8,
      state: incidentState(),
      actor: { name: '王组织', kind: 'person', via: '演练注入' },
    }),
  );
  deliver(
    socket,
    replayEvent(3, 'InjectExecuted', { total: 8, actor: { name: '演练注入', kind: 'system', via: null } }),
  );
  deliver(
    socket,
    replayEvent(4, 'IncidentReported', {
      total: 8,
      state: incidentState({
        id: second,
        title: '中宁县某矿山透水',
        location: { address: '中宁县', lat: 37.4, lng: 105.7 },
      } as never),
      data: { title: '中宁县某矿山透水', grade: 'general', category: 'non_coal_mine' },
    }),
  );
  deliver(
    socket,
    replayEvent(5, 'TeamAssigned', {
      total: 8,
      state: incidentState({
        responseLevel: 'II',
        assignedTeams: [{ teamId: IDS.team, name: NAMES.team, status: 'en_route' }],
      } as never),
    }),
  );
  deliver(
    socket,
    replayEvent(6, 'DrillAllocationRecorded', {
      total: 8,
      state: incidentState({
        responseLevel: 'II',
        assignedTeams: [{ teamId: IDS.team, name: NAMES.team, status: 'en_route' }],
        allocations: [{ allocationId: 'a', warehouseId: IDS.warehouse, items: [], simulated: true }],
      } as never),
    }),
  );
}

describe('DrillReplayScreen', () => {
  it('starts a replay of the whole drill and shows its events in Chinese with who recorded them', async () => {
    const { calls } = await start();
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ path: '/replays', body: { drillId, speed: 20 } });
    expect(screen.getByTestId('replay-events-empty').textContent).toBe('尚无已播放的事件');
    playDrill();
    expect(screen.getByTestId('drill-replay-title').textContent).toBe(' · 2026年危化品泄漏桌面演练');
    const rows = screen.getAllByTestId('replay-event');
    const texts = rows.map((r) => within(r).getByTestId('replay-event-text').textContent);
    expect(texts[0]).toBe('策划演练：2026年危化品泄漏桌面演练（桌面演练，综合演练）；参演单位 2 个；脚本注入 1 条');
    expect(texts[1]).toMatch(/^演练开始（12\/06 09:30:00）$/);
    expect(texts[3]).toBe(`第 1 条脚本注入：演练接报——${NAMES.incident}`);
    expect(texts[6]).toBe(`【演练·模拟】从${NAMES.warehouse}调拨物资：棉帐篷 × 2（不动用真实库存）`);
    expect(rows.map((r) => within(r).getByTestId('replay-event-actor').textContent).slice(0, 4)).toEqual([
      '操作人：王组织',
      '操作人：王组织',
      '操作人：王组织 (经演练注入)',
      '操作人：系统：演练注入',
    ]);
    expect(screen.getByTestId('replay-events').textContent).not.toMatch(/[A-Z][a-z]+[A-Z][a-z]+/);
    expect(rows[rows.length - 1]!.getAttribute('aria-current')).toBe('true');
    expect(screen.getByTestId('replay-played').textContent).toBe('已播放 7/8 条事件');
  });

  it('shows each drill incident as it stood at the replay time, with labelled figures', async () => {
    await start();
    playDrill();
    const cards = screen.getAllByTestId('replay-incident-state');
    expect(cards.map((c) => c.dataset.incidentId)).toEqual([IDS.incident, second]);
    const first = cards[0]!;
    expect(first.dataset.responseLevel).toBe('II');
    expect(within(first).getByTestId('replay-teams').textContent).toBe(`已调派队伍 1 支：${NAMES.team}（途中）`);
    expect(within(first).getByTestId('replay-casualties').textContent).toBe(
      '死亡 1 人，失踪 0 人，重伤 2 人，轻伤 3 人，被困 0 人',
    );
    expect(within(first).getByTestId('replay-allocations').textContent).toBe('物资调拨 1 单');
    expect(within(first).getByText('Ⅱ级响应')).toBeTruthy();
  });

  it('puts the incidents, the team and the warehouse involved on the map, labelled by name', async () => {
    const { container } = await start();
    playDrill();
    await waitFor(() => expect(container.querySelectorAll('.replay-marker-incident')).toHaveLength(2));
    expect(container.querySelectorAll('.replay-marker-warehouse')).toHaveLength(1);
    expect(container.querySelectorAll('.replay-marker-team')).toHaveLength(1);
    expect(screen.getByTestId('replay-map').dataset.places).toBe('4');
    // Every marker's label stays open (permanent tooltips) and reads the name, never the id.
    const labels = [...container.querySelectorAll('.leaflet-tooltip')].map((t) => t.textContent);
    expect(labels).toContain(`事故：${NAMES.incident}（一般事故 · 处置中）`);
    expect(labels).toContain(`调拨仓库：${NAMES.warehouse}（中卫市）`);
    expect(labels).toContain(`参与队伍（驻地）：${NAMES.team}（沙坡头区）`);
    expect(labels.join()).not.toMatch(/[0-9a-f]{8}-/);
  });

  it('sends pause, resume, speed and seek to the drill replay', async () => {
    const { calls } = await start({
      'POST /replays/r1/pause': { body: replayView({ drillId, status: 'paused' }) },
      'POST /replays/r1/resume': { body: replayView({ drillId, status: 'running' }) },
      'POST /replays/r1/speed': { body: replayView({ drillId, speed: 100 }) },
      'POST /replays/r1/seek': { body: replayView({ drillId, status: 'running', at: '2026-12-06T01:30:00Z' }) },
    });
    await userEvent.click(screen.getByTestId('replay-pause'));
    await waitFor(() => expect(screen.getByTestId('replay-status').dataset.status).toBe('paused'));
    await userEvent.click(screen.getByTestId('replay-resume'));
    await waitFor(() => expect(screen.getByTestId('replay-status').dataset.status).toBe('running'));
    const speed = screen.getByTestId('replay-speed');
    await userEvent.clear(speed);
    await userEvent.type(speed, '100');
    await userEvent.click(screen.getByTestId('replay-speed-apply'));
    await waitFor(() => expect(screen.getByTestId('replay-speed-shown').textContent).toBe('倍速 100×'));
    fireEvent.change(screen.getByTestId('replay-scrubber'), {
      target: { value: String(Date.parse('2026-12-06T01:30:00Z')) },
    });
    await waitFor(() => expect(calls.some((c) => c.path === '/replays/r1/seek')).toBe(true));
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/replays',
      '/replays/r1/pause',
      '/replays/r1/resume',
      '/replays/r1/speed',
      '/replays/r1/seek',
    ]);
    expect(calls.find((c) => c.path === '/replays/r1/speed')!.body).toEqual({ speed: 100 });
    expect(calls.find((c) => c.path === '/replays/r1/seek')!.body).toEqual({ at: '2026-12-06T01:30:00.000Z' });
  });

  it('says in Chinese why a drill cannot be replayed: unknown drill, too many events', async () => {
    for (const [status, code, words] of [
      [404, 'DRILL_NOT_FOUND', '演练不存在'],
      [422, 'REPLAY_TOO_LARGE', '无法回放'],
      [409, 'REPLAY_QUOTA_EXCEEDED', '您同时进行的回放已达上限'],
    ] as const) {
      answerFetch({ 'POST /replays': { status, body: { status, code, detail: '详情' } } });
      const { unmount } = renderInConsole(<DrillReplayScreen drillId={drillId} session={coordinator} />);
      await userEvent.click(screen.getByTestId('replay-start'));
      const error = await screen.findByTestId('replay-error');
      expect(error.textContent).toContain(words);
      expect(error.textContent).not.toContain(code);
      unmount();
    }
  });

  it('lets a viewer watch but not steer', () => {
    answerFetch({});
    renderInConsole(
      <DrillReplayScreen
        drillId={drillId}
        session={{ ...coordinator, user: { ...coordinator.user, roles: ['viewer'] } }}
      />,
    );
    expect((screen.getByTestId('replay-start') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('仅指挥长和演练组织者可发起回放')).toBeTruthy();
  });
});
