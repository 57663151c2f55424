import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { drillView, DRILL_ID } from '../drills/test-drills';
import { DrillStoppedNotice, IncidentBackLink, useDrillGate } from './drill-gate';

/** What the workspace does with the gate: the actions when it may act, the line when the drill is not running. */
function Workspace({ drillId }: { drillId: string | null }) {
  const gate = useDrillGate({ drillId });
  return (
    <div>
      <IncidentBackLink incident={{ drillId }} />
      {gate.stopped && <DrillStoppedNotice status={gate.stopped} />}
      {gate.mayAct && <button data-testid="action-level">确定响应级别</button>}
    </div>
  );
}

describe('a drill incident in the workspace', () => {
  it('offers no action once its drill has ended, and says why', async () => {
    const calls = answerFetch({
      [`GET /drills/${DRILL_ID}`]: { body: drillView({ status: 'ended', statusLabel: '已结束' }) },
    });
    renderInConsole(<Workspace drillId={DRILL_ID} />);
    expect((await screen.findByTestId('drill-stopped')).textContent).toBe('演练已结束，演练事故不再接受操作');
    expect(screen.queryByTestId('action-level')).toBeNull();
    expect(calls.map((c) => c.path)).toEqual([`/drills/${DRILL_ID}`]);
  });

  it('offers no action before its drill starts', async () => {
    answerFetch({ [`GET /drills/${DRILL_ID}`]: { body: drillView({ status: 'planned' }) } });
    renderInConsole(<Workspace drillId={DRILL_ID} />, { lang: 'en' });
    expect((await screen.findByTestId('drill-stopped')).textContent).toBe(
      'The drill has not started: its incidents take no actions yet',
    );
    expect(screen.queryByTestId('action-level')).toBeNull();
  });

  it('offers the actions while its drill runs', async () => {
    answerFetch({
      [`GET /drills/${DRILL_ID}`]: { body: drillView({ status: 'running', startedAt: '2026-12-06T02:00:00Z' }) },
    });
    renderInConsole(<Workspace drillId={DRILL_ID} />);
    expect(await screen.findByTestId('action-level')).toBeTruthy();
    expect(screen.queryByTestId('drill-stopped')).toBeNull();
  });

  it('leads back to its drill, a real incident back to the board', async () => {
    answerFetch({ [`GET /drills/${DRILL_ID}`]: { body: drillView({ status: 'running' }) } });
    const { unmount } = renderInConsole(<Workspace drillId={DRILL_ID} />);
    const back = screen.getByTestId('incident-back');
    expect(back.textContent).toBe('← 返回演练');
    expect(back.getAttribute('href')).toBe(`/drills/${DRILL_ID}`);
    await userEvent.click(back);
    await waitFor(() => expect(window.location.pathname).toBe(`/drills/${DRILL_ID}`));
    unmount();
    renderInConsole(<Workspace drillId={null} />);
    expect(screen.getByTestId('incident-back').textContent).toBe('← 返回看板');
    expect(screen.getByTestId('incident-back').getAttribute('href')).toBe('/board');
    // A real incident reads no drill and is offered its actions at once.
    expect(screen.getByTestId('action-level')).toBeTruthy();
  });
});
