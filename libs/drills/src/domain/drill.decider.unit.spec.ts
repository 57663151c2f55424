import { fold } from '@app/event-sourcing';
import type { DrillCommand } from './drill.commands';
import { drillDecider, scenarioDecider } from './drill.decider';
import type { DrillEvent } from './drill.events';
import type { DrillState } from './drill.state';
import { dueInjects, nextDueAt, type Scenario } from './drill.types';

const T0 = new Date('2026-11-23T02:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const scenario: Scenario = {
  injects: [
    { atSecond: 0, kind: 'report_incident', payload: { title: '演练：储罐泄漏' } },
    { atSecond: 300, kind: 'update_situation', payload: { incidentRef: 0, casualties: { deaths: 1 } } },
    { atSecond: 60, kind: 'message', payload: { text: '风向转为东南风' } },
  ],
};
const plan: DrillCommand = {
  type: 'PlanDrill', drillId: 'd1', title: '危化品泄漏综合演练', form: 'tabletop', scope: 'comprehensive', jurisdiction: '640500',
  planId: null, planVersion: null, participants: ['市应急局'], scenario, plannedBy: '演练组织者', now: T0,
};

function run(commands: DrillCommand[]): { state: DrillState; events: DrillEvent[] } {
  const events: DrillEvent[] = [];
  let state = drillDecider.initialState;
  for (const command of commands) {
    const produced = drillDecider.decide(command, state);
    events.push(...produced);
    state = fold(drillDecider, produced, state);
  }
  return { state, events };
}

describe('drill decider', () => {
  it('plans, starts, records injects once each and ends', () => {
    const { state, events } = run([
      plan,
      { type: 'StartDrill', startedBy: 'c', now: at(0) },
      { type: 'RecordInjectExecuted', index: 0, kind: 'report_incident', payload: {}, incidentId: 'i1', now: at(1) },
      { type: 'RecordInjectExecuted', index: 0, kind: 'report_incident', payload: {}, incidentId: 'i1', now: at(2) },
      { type: 'RecordInjectExecuted', index: null, kind: 'message', payload: { text: '手动' }, incidentId: null, now: at(3) },
      { type: 'EndDrill', endedBy: 'c', now: at(4) },
    ]);
    expect(events.map((e) => e.type)).toEqual(['DrillPlanned', 'DrillStarted', 'InjectExecuted', 'InjectExecuted', 'DrillEnded']);
    expect(events[0]!.data).toMatchObject({ drillId: 'd1', planId: null, planVersion: null, plannedAt: T0.toISOString(), scenario });
    expect(events[2]!.data).toEqual({ drillId: 'd1', index: 0, kind: 'report_incident', payload: {}, executedAt: at(1).toISOString(), incidentId: 'i1' });
    expect(state).toMatchObject({ status: 'ended', executed: [0] });
  });

  it('refuses out-of-order commands', () => {
    expect(() => run([{ type: 'StartDrill', startedBy: 'c', now: T0 }])).toThrow(expect.objectContaining({ code: 'DRILL_NOT_FOUND' }));
    expect(() => run([plan, plan])).toThrow(expect.objectContaining({ code: 'DRILL_ALREADY_PLANNED' }));
    expect(() => run([plan, { type: 'EndDrill', endedBy: 'c', now: T0 }])).toThrow(expect.objectContaining({ code: 'DRILL_NOT_RUNNING' }));
    expect(() => run([plan, { type: 'RecordInjectExecuted', index: null, kind: 'message', payload: {}, incidentId: null, now: T0 }])).toThrow(expect.objectContaining({ code: 'DRILL_NOT_RUNNING' }));
    const started = [plan, { type: 'StartDrill', startedBy: 'c', now: T0 } as DrillCommand];
    expect(() => run([...started, { type: 'StartDrill', startedBy: 'c', now: T0 }])).toThrow(expect.objectContaining({ code: 'DRILL_ALREADY_STARTED' }));
    expect(() => run([...started, { type: 'RecordInjectExecuted', index: 7, kind: 'message', payload: {}, incidentId: null, now: T0 }])).toThrow(expect.objectContaining({ code: 'INJECT_NOT_FOUND' }));
  });

  it('an ended drill executes nothing more', () => {
    expect(() => run([
      plan,
      { type: 'StartDrill', startedBy: 'c', now: T0 },
      { type: 'EndDrill', endedBy: 'c', now: at(10) },
      { type: 'RecordInjectExecuted', index: 1, kind: 'update_situation', payload: {}, incidentId: null, now: at(400) },
    ])).toThrow(expect.objectContaining({ code: 'DRILL_NOT_RUNNING' }));
  });

  it('scopes every event to its jurisdiction and drill', () => {
    const { state } = run([plan]);
    expect(drillDecider.scopeOf!(state)).toEqual({ jurisdiction: '640500', drillId: 'd1' });
  });
});

describe('due injects', () => {
  it('derives what is due from the start time, the clock and what ran, in time order', () => {
    const start = T0.toISOString();
    expect(dueInjects(scenario, null, [], at(1000))).toEqual([]);
    expect(dueInjects(scenario, start, [], at(59)).map((d) => d.index)).toEqual([0]);
    expect(dueInjects(scenario, start, [], at(300)).map((d) => d.index)).toEqual([0, 2, 1]);
    expect(dueInjects(scenario, start, [0, 2], at(300)).map((d) => d.index)).toEqual([1]);
    expect(nextDueAt(scenario, start, [0])).toEqual(at(60));
    expect(nextDueAt(scenario, start, [0, 1, 2])).toBeNull();
    expect(nextDueAt(scenario, null, [])).toBeNull();
  });
});

describe('scenario decider', () => {
  it('saves a scenario once', () => {
    const save = { type: 'SaveScenario' as const, scenarioId: 's1', name: '储罐泄漏', description: null, jurisdiction: '640500', injects: scenario.injects, savedBy: 'c', now: T0 };
    const events = scenarioDecider.decide(save, scenarioDecider.initialState);
    expect(events[0]).toMatchObject({ type: 'ScenarioSaved', data: { scenarioId: 's1', savedAt: T0.toISOString() } });
    expect(() => scenarioDecider.decide(save, fold(scenarioDecider, events))).toThrow(expect.objectContaining({ code: 'SCENARIO_ALREADY_SAVED' }));
  });
});

describe('real teams in a live drill (docs/domain.md rule 21)', () => {
  const live: DrillCommand = { ...plan, form: 'live' } as DrillCommand;
  const start: DrillCommand = { type: 'StartDrill', startedBy: 'c', now: at(0) };
  const join = (teamId: string): DrillCommand => ({ type: 'JoinTeamToDrill', teamId, now: at(5) });
  const recall = (teamId: string): DrillCommand => ({ type: 'RecallTeamFromDrill', teamId, recalledBy: '指挥员', now: at(9) });
  const codeOf = (commands: DrillCommand[]) => {
    try {
      run(commands);
      return undefined;
    } catch (error) {
      return (error as { code?: string }).code;
    }
  };

  it('records teams joining once and recalled, and keeps those still in it after the end', () => {
    const { state, events } = run([live, start, join('t1'), join('t1'), join('t2'), recall('t1'), { type: 'EndDrill', endedBy: 'c', now: at(20) }]);
    expect(events.map((e) => e.type)).toEqual(['DrillPlanned', 'DrillStarted', 'TeamJoinedDrill', 'TeamJoinedDrill', 'TeamRecalledFromDrill', 'DrillEnded']);
    expect(events[2]).toEqual({ type: 'TeamJoinedDrill', data: { drillId: 'd1', teamId: 't1', at: at(5).toISOString() } });
    expect(state).toMatchObject({ status: 'ended', teams: ['t2'] });
  });
  it('refuses a tabletop drill (NOT_A_LIVE_DRILL), a drill not running, and recalling a team not in it', () => {
    expect(codeOf([plan, start, join('t1')])).toBe('NOT_A_LIVE_DRILL');
    expect(codeOf([live, join('t1')])).toBe('DRILL_NOT_RUNNING');
    expect(codeOf([live, start, { type: 'EndDrill', endedBy: 'c', now: at(1) }, join('t1')])).toBe('DRILL_NOT_RUNNING');
    expect(codeOf([live, start, recall('t1')])).toBe('TEAM_NOT_IN_DRILL');
  });
});
