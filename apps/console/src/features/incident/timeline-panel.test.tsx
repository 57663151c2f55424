import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { publishLive } from '../../app/live-events';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { INCIDENT_ID, timelineEntry } from './test-fixtures';
import { TimelinePanel } from './timeline-panel';

const PAGE = `GET /incidents/${INCIDENT_ID}/timeline/page?limit=20`;
const lines = () => screen.queryAllByTestId('timeline-entry');

/** 25 lines: the server answers the newest 20 first, then the 5 older ones. */
function twoPages() {
  const newest = Array.from({ length: 20 }, (_, i) => timelineEntry(25 - i));
  const older = Array.from({ length: 5 }, (_, i) => timelineEntry(5 - i));
  newest[0] = timelineEntry(25, {
    type: 'TeamAssigned',
    summary: '调派队伍：危化救援队',
    actor: '李指挥长',
    via: '调度流程',
  });
  newest[1] = timelineEntry(24, {
    type: 'StockAllocated',
    source: 'warehouse',
    summary: '物资调拨（已预留）：1010101 × 5',
    actor: '李指挥长',
  });
  older[4] = timelineEntry(1, {
    type: 'IncidentReported',
    summary: '接报：园区储罐泄漏',
    actor: '演示数据',
    actorKind: 'system',
  });
  return answerFetch({
    [PAGE]: { body: { entries: newest, total: 25, nextBefore: '5', timeZone: 'Asia/Shanghai' } },
    [`${PAGE}&before=5`]: { body: { entries: older, total: 25, nextBefore: null, timeZone: 'Asia/Shanghai' } },
  });
}

describe('TimelinePanel', () => {
  it('shows the newest line first, each with its time in the jurisdiction’s zone and its actor', async () => {
    twoPages();
    renderInConsole(<TimelinePanel incidentId={INCIDENT_ID} />);
    await waitFor(() => expect(lines()).toHaveLength(20));
    const [first, second] = lines();
    expect(first!.textContent).toContain('调派队伍：危化救援队');
    // 02:25 UTC is 10:25 in Zhongwei, with the year.
    expect(within(first!).getByRole('time').textContent).toBe('2026/11/23 10:25:00');
    expect(within(first!).getByTestId('timeline-actor').textContent).toBe('李指挥长（经调度流程）');
    expect(second!.dataset.source).toBe('warehouse');
    expect(within(second!).getByTestId('timeline-actor').textContent).toBe('李指挥长');
    expect(screen.getByTestId('timeline-count').textContent).toBe('共 25 条，最新在前，已显示 20 条');
  });

  it('shows the older lines with 显示更多 until all are shown, the intake last and the system named as such', async () => {
    const calls = twoPages();
    renderInConsole(<TimelinePanel incidentId={INCIDENT_ID} />);
    await waitFor(() => expect(lines()).toHaveLength(20));
    await userEvent.click(screen.getByTestId('timeline-more'));
    await waitFor(() => expect(lines()).toHaveLength(25));
    expect(calls.map((c) => c.path)).toEqual([
      `/incidents/${INCIDENT_ID}/timeline/page?limit=20`,
      `/incidents/${INCIDENT_ID}/timeline/page?limit=20&before=5`,
    ]);
    const revisions = lines().map((l) => Number(l.querySelector('span')!.textContent!.match(/\d+/)?.[0] ?? 0));
    expect(lines().at(-1)!.dataset.type).toBe('IncidentReported');
    expect(within(lines().at(-1)!).getByTestId('timeline-actor').textContent).toBe('系统：演示数据');
    expect(revisions.slice(2, 5)).toEqual([23, 22, 21]);
    expect(screen.queryByTestId('timeline-more')).toBeNull();
  });

  it('puts a line that comes live on top, once', async () => {
    twoPages();
    renderInConsole(<TimelinePanel incidentId={INCIDENT_ID} />);
    await waitFor(() => expect(lines()).toHaveLength(20));
    const live = timelineEntry(26, { type: 'ResponseLevelSet', summary: '启动Ⅱ级响应', actor: '李指挥长' });
    act(() => publishLive('timeline.appended', { position: live.position, data: live }));
    act(() => publishLive('timeline.appended', { position: live.position, data: live }));
    await waitFor(() => expect(lines()[0]!.dataset.type).toBe('ResponseLevelSet'));
    expect(lines()).toHaveLength(21);
    expect(screen.getByTestId('timeline-count').textContent).toBe('共 26 条，最新在前，已显示 21 条');
    // Another incident's line is not this one's.
    const other = { ...timelineEntry(27), incidentId: 'another' };
    act(() => publishLive('timeline.appended', { position: other.position, data: other }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lines()).toHaveLength(21);
  });

  it('renders in English with the same facts', async () => {
    twoPages();
    renderInConsole(<TimelinePanel incidentId={INCIDENT_ID} />, { lang: 'en' });
    await waitFor(() => expect(lines()).toHaveLength(20));
    expect(within(lines()[0]!).getByTestId('timeline-actor').textContent).toBe('李指挥长 (via 调度流程)');
    expect(screen.getByTestId('timeline-more').textContent).toBe('Show more');
    expect(within(lines()[0]!).getByRole('time').textContent).toBe('23/11/2026, 10:25:00');
  });
});
