import { spec } from '@app/event-sourcing/testing';
import type { DrillCommand } from './drill.commands';
import { ScenarioAlreadySavedError } from '../scenario/scenario.errors';
import { scenarioDecider } from '../scenario/scenario.decider';
import type { ScenarioEvent } from '../scenario/scenario.events';
import { drillDecider } from './drill.decider';
import { drillPlan, drillPlanned } from './drill-fixtures';
import {
  DrillAlreadyPlannedError,
  DrillAlreadyStartedError,
  DrillNotFoundError,
  DrillNotRunningError,
  InjectNotFoundError,
  NotALiveDrillError,
  TeamNotInDrillError,
} from './drill.errors';
import type { DrillEvent } from './drill.events';
import { dueInjects, MAX_INJECT_ATTEMPTS, nextDueAt, type Scenario } from './drill.types';

const T0 = new Date('2026-11-23T02:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const iso = (seconds: number) => at(seconds).toISOString();
const scenario: Scenario = {
  injects: [
    { atSecond: 0, kind: 'report_incident', payload: { title: '演练：储罐泄漏' } },
    { atSecond: 300, kind: 'update_situation', payload: { incidentRef: 0, casualties: { deaths: 1 } } },
    { atSecond: 60, kind: 'message', payload: { text: '风向转为东南风' } },
  ],
};
const plan = drillPlan('d1', scenario, T0);
const start = (seconds = 0): DrillCommand => ({ type: 'StartDrill', startedBy: 'c', now: at(seconds) });
const end = (seconds: number): DrillCommand => ({ type: 'EndDrill', endedBy: 'c', now: at(seconds) });
const inject = (
  index: number | null,
  kind: 'report_incident' | 'update_situation' | 'message',
  seconds: number,
  incidentId: string | null = null,
  payload = {},
): DrillCommand => ({ type: 'RecordInjectExecuted', index, kind, payload, incidentId, now: at(seconds) });
const join = (teamId: string): DrillCommand => ({ type: 'JoinTeamToDrill', teamId, now: at(5) });
const recall = (teamId: string): DrillCommand => ({
  type: 'RecallTeamFromDrill',
  teamId,
  recalledBy: '指挥员',
  now: at(9),
});

// The history, as the stream would hold it.
const planned = (form: 'tabletop' | 'live' = 'tabletop'): DrillEvent =>
  drillPlanned('d1', scenario, T0.toISOString(), form);
const started: DrillEvent = { type: 'DrillStarted', data: { drillId: 'd1', startedAt: iso(0), startedBy: 'c' } };
const executed = (index: number, seconds: number): DrillEvent => ({
  type: 'InjectExecuted',
  data: { drillId: 'd1', index, kind: 'report_incident', payload: {}, executedAt: iso(seconds), incidentId: 'i1' },
});
const ended = (seconds: number): DrillEvent => ({
  type: 'DrillEnded',
  data: { drillId: 'd1', endedAt: iso(seconds), endedBy: 'c' },
});
const joined = (teamId: string): DrillEvent => ({
  type: 'TeamJoinedDrill',
  data: { drillId: 'd1', teamId, at: iso(5) },
});
const recalled = (teamId: string): DrillEvent => ({
  type: 'TeamRecalledFromDrill',
  data: { drillId: 'd1', teamId, at: iso(9), recalledBy: '指挥员' },
});

const drill = spec(drillDecider);

describe('a drill not yet planned', () => {
  it('is planned with its scenario, scoped to its jurisdiction and drill', () => {
    const { state } = drill.when(plan).then([planned()]);
    expect(drillDecider.scopeOf!(state)).toEqual({ jurisdiction: '640500', drillId: 'd1' });
  });
  it('cannot be started', () => {
    drill.when(start()).thenThrows(DrillNotFoundError, 'DRILL_NOT_FOUND');
  });
});

describe('a planned drill', () => {
  const ready = drill.given([planned()]);
  it('is started', () => {
    ready.when(start()).then([started]);
  });
  it('cannot be planned again, ended, or record injects', () => {
    ready.when(plan).thenThrows(DrillAlreadyPlannedError, 'DRILL_ALREADY_PLANNED');
    ready.when(end(0)).thenThrows(DrillNotRunningError, 'DRILL_NOT_RUNNING');
    ready.when(inject(null, 'message', 0)).thenThrows(DrillNotRunningError, 'DRILL_NOT_RUNNING');
  });
});

describe('a running drill', () => {
  const running = drill.given([planned(), started]);
  it('records a scripted inject once, and manual injects', () => {
    running.when(inject(0, 'report_incident', 1, 'i1')).then([executed(0, 1)]);
    drill
      .given([planned(), started, executed(0, 1)])
      .when(inject(0, 'report_incident', 2, 'i1'))
      .thenNothing();
    running.when(inject(null, 'message', 3, null, { text: '手动' })).then([
      {
        type: 'InjectExecuted',
        data: {
          drillId: 'd1',
          index: null,
          kind: 'message',
          payload: { text: '手动' },
          executedAt: iso(3),
          incidentId: null,
        },
      },
    ]);
  });
  it('is ended, keeping what ran', () => {
    const { state } = drill
      .given([planned(), started, executed(0, 1)])
      .when(end(4))
      .then([ended(4)]);
    expect(state).toMatchObject({ status: 'ended', executed: [0] });
  });
  it('refuses a second start and an inject not in the script', () => {
    running.when(start()).thenThrows(DrillAlreadyStartedError, 'DRILL_ALREADY_STARTED');
    running.when(inject(7, 'message', 0)).thenThrows(InjectNotFoundError, 'INJECT_NOT_FOUND');
  });
});

describe('an ended drill', () => {
  it('executes nothing more', () => {
    drill
      .given([planned(), started, ended(10)])
      .when(inject(1, 'update_situation', 400))
      .thenThrows(DrillNotRunningError, 'DRILL_NOT_RUNNING');
  });
});

describe('due injects', () => {
  it('derives what is due from the start time, the clock and what ran, in time order', () => {
    const startedAt = T0.toISOString();
    expect(dueInjects(scenario, null, [], at(1000))).toEqual([]);
    expect(dueInjects(scenario, startedAt, [], at(59)).map((d) => d.index)).toEqual([0]);
    expect(dueInjects(scenario, startedAt, [], at(300)).map((d) => d.index)).toEqual([0, 2, 1]);
    expect(dueInjects(scenario, startedAt, [0, 2], at(300)).map((d) => d.index)).toEqual([1]);
    expect(nextDueAt(scenario, startedAt, [0])).toEqual(at(60));
    expect(nextDueAt(scenario, startedAt, [0, 1, 2])).toBeNull();
    expect(nextDueAt(scenario, null, [])).toBeNull();
  });
});

describe('scenario decider', () => {
  const save = {
    type: 'SaveScenario' as const,
    scenarioId: 's1',
    name: '储罐泄漏',
    description: null,
    jurisdiction: '640500',
    injects: scenario.injects,
    savedBy: 'c',
    now: T0,
  };
  const saved: ScenarioEvent = {
    type: 'ScenarioSaved',
    data: {
      scenarioId: 's1',
      name: '储罐泄漏',
      description: null,
      jurisdiction: '640500',
      injects: scenario.injects,
      savedBy: 'c',
      savedAt: T0.toISOString(),
    },
  };
  it('saves a scenario once', () => {
    spec(scenarioDecider).when(save).then([saved]);
    spec(scenarioDecider).given([saved]).when(save).thenThrows(ScenarioAlreadySavedError, 'SCENARIO_ALREADY_SAVED');
  });
});

describe('real teams in a running live drill (docs/domain.md rule 21)', () => {
  const live = drill.given([planned('live'), started]);
  it('records a team joining once', () => {
    live.when(join('t1')).then([{ type: 'TeamJoinedDrill', data: { drillId: 'd1', teamId: 't1', at: iso(5) } }]);
    drill
      .given([planned('live'), started, joined('t1')])
      .when(join('t1'))
      .thenNothing();
  });
  it('records a team recalled, and keeps those still in it after the end', () => {
    const withTeams = [planned('live'), started, joined('t1'), joined('t2')];
    drill
      .given(withTeams)
      .when(recall('t1'))
      .then([recalled('t1')]);
    const { state } = drill
      .given([...withTeams, recalled('t1')])
      .when(end(20))
      .then([ended(20)]);
    expect(state).toMatchObject({ status: 'ended', teams: ['t2'] });
  });
  it('refuses a tabletop drill (NOT_A_LIVE_DRILL), a drill not running, and recalling a team not in it', () => {
    drill.given([planned(), started]).when(join('t1')).thenThrows(NotALiveDrillError, 'NOT_A_LIVE_DRILL');
    drill
      .given([planned('live')])
      .when(join('t1'))
      .thenThrows(DrillNotRunningError, 'DRILL_NOT_RUNNING');
    drill
      .given([planned('live'), started, ended(1)])
      .when(join('t1'))
      .thenThrows(DrillNotRunningError, 'DRILL_NOT_RUNNING');
    live.when(recall('t1')).thenThrows(TeamNotInDrillError, 'TEAM_NOT_IN_DRILL');
  });
});

describe('a scripted inject that keeps failing', () => {
  const fail = (index: number, seconds: number): DrillCommand => ({
    type: 'RecordInjectFailed',
    index,
    reason: '所引用的演练接报注入尚未执行',
    code: 'INCIDENT_REF_NOT_EXECUTED',
    now: at(seconds),
  });
  const failed = (index: number, attempt: number, seconds: number, skipped = false): DrillEvent => ({
    type: 'InjectFailed',
    data: {
      drillId: 'd1',
      index,
      attempt,
      reason: '所引用的演练接报注入尚未执行',
      code: 'INCIDENT_REF_NOT_EXECUTED',
      failedAt: iso(seconds),
      skipped,
    },
  });
  it(`is recorded with its attempt and reason, and given up at attempt ${MAX_INJECT_ATTEMPTS}`, () => {
    drill
      .given([planned(), started])
      .when(fail(1, 300))
      .then([failed(1, 1, 300)]);
    drill
      .given([planned(), started, failed(1, 1, 300)])
      .when(fail(1, 301))
      .then([failed(1, 2, 301)]);
    const { state } = drill
      .given([planned(), started, failed(1, 1, 300), failed(1, 2, 301)])
      .when(fail(1, 302))
      .then([failed(1, 3, 302, true)]);
    expect(state).toMatchObject({ failures: { 1: 3 }, skipped: [1] });
  });
  it('once given up, is no longer due: the injects after it are', () => {
    const { state } = drill
      .given([planned(), started, failed(1, 1, 300), failed(1, 2, 301)])
      .when(fail(1, 302))
      .then([failed(1, 3, 302, true)]);
    if (state.status === 'none') throw new Error('the drill exists');
    const due = dueInjects(state.scenario, state.startedAt, [...state.executed, ...state.skipped], at(400));
    expect(due.map((d) => d.index)).toEqual([0, 2]);
    expect(nextDueAt(state.scenario, state.startedAt, [0, 2, ...state.skipped])).toBeNull();
  });
  it('given up or run, nothing more is recorded for it; an ended drill records no failure', () => {
    const givenUp = [planned(), started, failed(1, 1, 300), failed(1, 2, 301), failed(1, 3, 302, true)];
    drill.given(givenUp).when(fail(1, 303)).thenNothing();
    drill
      .given(givenUp)
      .when(inject(1, 'update_situation', 303, 'i1'))
      .thenNothing();
    drill
      .given([planned(), started, executed(0, 1)])
      .when(fail(0, 2))
      .thenNothing();
    drill
      .given([planned(), started, ended(5)])
      .when(fail(1, 300))
      .thenThrows(DrillNotRunningError, 'DRILL_NOT_RUNNING');
    drill.given([planned(), started]).when(fail(9, 300)).thenThrows(InjectNotFoundError, 'INJECT_NOT_FOUND');
  });
});

describe('a team joining a live drill is recorded by name', () => {
  it('keeps the name the drill views list', () => {
    drill
      .given([planned('live'), started])
      .when({ type: 'JoinTeamToDrill', teamId: 't1', teamName: '市消防救援支队特勤一站', now: at(5) })
      .then([
        {
          type: 'TeamJoinedDrill',
          data: { drillId: 'd1', teamId: 't1', at: iso(5), teamName: '市消防救援支队特勤一站' },
        },
      ]);
  });
});
