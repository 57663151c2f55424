import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { DrillView } from '@app/drills/contract';
import { setSession } from '../../api';
import { answerFetch, renderInConsole } from '../../test-support/render';
import { incidentView } from '../incident/test-fixtures';
import { DrillScreen } from './DrillScreen';
import {
  coordinatorSession,
  COUNTY_TREE,
  countySession,
  DRILL_ID,
  DRILL_INCIDENT_ID,
  drillView,
  planInForce,
  TREE,
} from './test-drills';

const STARTED = '2026-12-06T02:00:00Z';
const drillIncident = incidentView({
  id: DRILL_INCIDENT_ID,
  title: '演练：储罐泄漏',
  drillId: DRILL_ID,
  grade: 'major',
  gradeLabel: '较大事故',
  jurisdictionName: '中卫工业园区',
});

/** A tabletop drill two minutes in: the report ran, the follow-up failed three times and was skipped. */
const running = (over: Partial<DrillView> = {}): DrillView =>
  drillView({
    status: 'running',
    statusLabel: '进行中',
    startedAt: STARTED,
    startedBy: '演练组织者王敏',
    executed: [1, 2],
    injects: [
      {
        index: 1,
        kind: 'report_incident',
        payload: {},
        executedAt: '2026-12-06T02:00:01Z',
        incidentId: DRILL_INCIDENT_ID,
      },
      {
        index: 2,
        kind: 'message',
        payload: { text: '风向转为东南风' },
        executedAt: '2026-12-06T02:01:30Z',
        incidentId: null,
      },
    ],
    failedInjects: [
      {
        index: 0,
        attempts: 3,
        reason: '所引用的演练接报注入尚未执行',
        code: 'INCIDENT_REF_NOT_EXECUTED',
        lastFailedAt: '2026-12-06T02:05:02Z',
        skipped: true,
      },
    ],
    ...over,
  });

function serve(drill: DrillView, extra: Record<string, { status?: number; body?: unknown }> = {}) {
  return answerFetch({
    [`GET /drills/${DRILL_ID}`]: { body: drill },
    [`GET /incidents?drillId=${DRILL_ID}&limit=100`]: { body: [drillIncident] },
    'GET /plans': { body: [planInForce] },
    'GET /jurisdictions': { body: TREE },
    ...extra,
  });
}

describe('the drill page', () => {
  afterEach(() => setSession(null));

  it('shows the script as a timeline in words, the failed inject reported and skipped, and the drill board', async () => {
    setSession(coordinatorSession);
    serve(running());
    renderInConsole(<DrillScreen id={DRILL_ID} />);
    const items = await screen.findAllByTestId('timeline-inject');
    // Script order by time: the report at +0 s, the message at +90 s, the follow-up at +300 s; local times (UTC+8).
    expect(items.map((li) => li.getAttribute('data-state'))).toEqual(['executed', 'executed', 'skipped']);
    expect(items[0]!.textContent).toMatch(
      /10:00:00 · 演练接报 · 接报：演练：储罐泄漏，中卫工业园区纬三路 · 已执行 .*10:00:01/,
    );
    expect(items[1]!.textContent).toContain('10:01:30 · 情况通报 · 通报：风向转为东南风');
    expect(items[2]!.textContent).toContain('10:05:00 · 演练续报 · 续报「第 1 条接报的事故」');
    expect(items[2]!.textContent).toContain('失败已跳过');
    expect(within(items[0]!).getByTestId('inject-incident').getAttribute('href')).toBe(
      `/incidents/${DRILL_INCIDENT_ID}`,
    );
    const failed = screen.getByTestId('drill-failed-inject');
    expect(failed.textContent).toContain(
      '第 1 条注入（演练续报）执行 3 次均失败，已跳过：所引用的演练接报注入尚未执行',
    );
    const board = await screen.findByTestId('drill-incident');
    expect(board.textContent).toContain('演练：储罐泄漏');
    expect(board.textContent).toContain('较大事故');
    expect(within(board).getAllByRole('link')[0]!.getAttribute('href')).toBe(`/incidents/${DRILL_INCIDENT_ID}`);
    expect(screen.getByTestId('drill-participants').textContent).toBe('市应急管理局、市消防救援支队');
    await waitFor(() =>
      expect(screen.getByTestId('drill-plan').textContent).toBe('中卫市危险化学品事故专项应急预案（第 2 版）'),
    );
    expect(screen.getByTestId('open-evaluation').getAttribute('href')).toBe(`/drills/${DRILL_ID}/evaluation`);
    expect(screen.getByTestId('open-drill-replay').getAttribute('href')).toBe(`/replay/drill/${DRILL_ID}`);
  });

  it('orders scriptless injects among the scripted ones by the time they ran', async () => {
    setSession(coordinatorSession);
    const drill = running();
    serve({
      ...drill,
      injects: [
        ...drill.injects,
        {
          index: null,
          kind: 'message',
          payload: { text: '园区东门封闭' },
          executedAt: '2026-12-06T02:01:00Z',
          incidentId: null,
        },
      ],
    });
    renderInConsole(<DrillScreen id={DRILL_ID} />);
    const items = await screen.findAllByTestId('timeline-inject');
    // The report ran at 10:00:01, the scriptless message at 10:01:00, the scripted message at 10:01:30, the follow-up
    // was due at 10:05:00.
    expect(items.map((li) => li.getAttribute('data-index'))).toEqual(['1', '', '2', '0']);
    expect(items[1]!.textContent).toContain('10:01:00');
    expect(items[1]!.textContent).toContain('园区东门封闭');
  });

  it('offers a county coordinator only his county and what lies below it as the scriptless report’s place', async () => {
    setSession(countySession);
    serve(running({ jurisdiction: '640521' }), { 'GET /jurisdictions': { body: COUNTY_TREE } });
    renderInConsole(<DrillScreen id={DRILL_ID} />);
    const where = await screen.findByTestId('inject-jurisdiction');
    await waitFor(() => expect(within(where).getAllByRole('option')).toHaveLength(2));
    expect(
      within(where)
        .getAllByRole('option')
        .map((o) => o.getAttribute('value')),
    ).toEqual(['640521', '640521100']);
    expect((where as HTMLSelectElement).value).toBe('640521');
  });

  it('fires a scriptless inject now: a message, and a follow-up on one of the drill’s incidents', async () => {
    setSession(coordinatorSession);
    const calls = serve(running(), { [`POST /drills/${DRILL_ID}/injects`]: { status: 201, body: running() } });
    renderInConsole(<DrillScreen id={DRILL_ID} />);
    await screen.findByTestId('drill-inject');
    await userEvent.selectOptions(screen.getByTestId('inject-kind'), 'message');
    await userEvent.click(screen.getByTestId('inject-submit'));
    expect(screen.getByTestId('inject-invalid')).toBeTruthy();
    await userEvent.type(screen.getByTestId('inject-text'), '园区东门封闭，请绕行');
    await userEvent.click(screen.getByTestId('inject-submit'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(1));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      kind: 'message',
      payload: { text: '园区东门封闭，请绕行' },
    });
    expect((await screen.findByTestId('drill-feedback')).textContent).toContain('注入已执行');

    await userEvent.selectOptions(screen.getByTestId('inject-kind'), 'update_situation');
    await userEvent.selectOptions(screen.getByTestId('inject-incidentId'), DRILL_INCIDENT_ID);
    await userEvent.clear(screen.getByTestId('inject-trapped'));
    await userEvent.type(screen.getByTestId('inject-trapped'), '4');
    await userEvent.type(screen.getByTestId('inject-description'), '二次泄漏');
    await userEvent.click(screen.getByTestId('inject-submit'));
    await waitFor(() => expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2));
    expect(calls.filter((c) => c.method === 'POST')[1]!.body).toEqual({
      kind: 'update_situation',
      payload: {
        incidentId: DRILL_INCIDENT_ID,
        casualties: { deaths: 0, seriousInjuries: 0, minorInjuries: 0, missing: 0, trapped: 4 },
        description: '二次泄漏',
      },
    });
  });

  it('starts a planned drill only after confirmation', async () => {
    setSession(coordinatorSession);
    const calls = serve(drillView(), {
      [`POST /drills/${DRILL_ID}/start`]: { body: running() },
    });
    renderInConsole(<DrillScreen id={DRILL_ID} />);
    await userEvent.click(await screen.findByTestId('drill-start'));
    expect(screen.getByTestId('drill-start-confirm').textContent).toContain('确认开始演练？');
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await userEvent.click(screen.getByTestId('drill-start-no'));
    expect(screen.queryByTestId('drill-start-confirm')).toBeNull();
    await userEvent.click(screen.getByTestId('drill-start'));
    await userEvent.click(screen.getByTestId('drill-start-yes'));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([`/drills/${DRILL_ID}/start`]),
    );
    expect((await screen.findByTestId('drill-feedback')).textContent).toContain('演练已开始');
  });

  it('ends a running drill after confirmation', async () => {
    setSession(coordinatorSession);
    const calls = serve(running(), { [`POST /drills/${DRILL_ID}/end`]: { body: running({ status: 'ended' }) } });
    renderInConsole(<DrillScreen id={DRILL_ID} />);
    await userEvent.click(await screen.findByTestId('drill-end'));
    expect(screen.getByTestId('drill-end-confirm').textContent).toContain('确认结束演练？');
    await userEvent.click(screen.getByTestId('drill-end-yes'));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([`/drills/${DRILL_ID}/end`]),
    );
  });

  it('lists the teams taken into a live drill with since and status, and recalls one', async () => {
    setSession(coordinatorSession);
    const live = running({
      form: 'live',
      teams: [
        { teamId: 't1', name: '市消防救援支队特勤站', since: '2026-12-06T02:03:00Z', status: 'in_drill', until: null },
        {
          teamId: 't2',
          name: '园区危化品救援队',
          since: '2026-12-06T02:04:00Z',
          status: 'recalled',
          until: '2026-12-06T02:20:00Z',
        },
      ],
    });
    const calls = serve(live, {
      'GET /teams': { body: [] },
      [`POST /drills/${DRILL_ID}/teams/t1/recall`]: { body: {} },
    });
    renderInConsole(<DrillScreen id={DRILL_ID} />);
    const teams = await screen.findAllByTestId('drill-team');
    expect(teams.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^市消防救援支队特勤站 参演中 · 自 .*10:03 召回$/),
      expect.stringMatching(/^园区危化品救援队 已召回 · 自 .*10:04 · 至 .*10:20 $/),
    ]);
    await userEvent.click(within(teams[0]!).getByTestId('drill-team-recall'));
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
        `/drills/${DRILL_ID}/teams/t1/recall`,
      ]),
    );
  });
});
