import { fold } from '@app/event-sourcing';
import type { PinnedPlan } from './checklist';
import type { IncidentCommand, ReportIncident } from './incident.commands';
import { incidentDecider } from './incident.decider';
import type { ChecklistTasksAdded, IncidentEvent } from './incident.events';
import { RESPONSE_LEVELS, type ResponseLevel } from './incident.types';

const now = new Date('2026-11-23T03:00:00Z');
const none = { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 };
const report: ReportIncident = {
  type: 'ReportIncident', incidentId: 'b7e2d7b5-9f4e-4b54-8e54-6c2e8c8d3f21', title: '某化工企业储罐泄漏', category: 'hazardous_chemicals',
  occurredAt: new Date('2026-11-23T02:40:00Z'), location: { address: '中卫工业园区', lat: 37.52, lng: 105.18 }, jurisdiction: '640571',
  reporter: { name: '王强', phone: '13800000000', organization: '某化工有限公司' }, casualties: none, description: '泄漏', takenBy: '值班员', now,
  policy: { countMissingAsDeaths: true },
};
/** Tasks by level: I has 4, II 3, III 2, IV 1 (the higher the level, the more the plan asks). */
const plan: PinnedPlan = {
  planId: '0a1b2c3d-0000-4000-8000-000000000001', version: 2, title: '危险化学品事故应急预案',
  groups: [
    { name: '综合协调组', leadAgency: '市应急管理局', tasks: [{ title: '成立现场指挥部', responseLevels: ['I', 'II', 'III'] }, { title: '向自治区报告', responseLevels: ['I'] }] },
    { name: '警戒疏散组', leadAgency: '市公安局', tasks: [{ title: '划定警戒区', responseLevels: ['I', 'II', 'III', 'IV'] }, { title: '疏散周边 3 公里群众', responseLevels: ['I', 'II'] }] },
  ],
  requirements: { teams: [{ specialty: 'hazardous_chemicals', count: 2 }], materials: [] },
};
const activate = (level?: ResponseLevel): IncidentCommand => ({ type: 'ActivatePlan', plan, ...(level ? { level } : {}), activatedBy: '指挥长', now });
const setLevel = (level: ResponseLevel): IncidentCommand => ({ type: 'SetResponseLevel', level, reason: '研判', decidedBy: '指挥长', now });

function given(...commands: IncidentCommand[]): IncidentEvent[] {
  const history: IncidentEvent[] = [];
  for (const command of commands) history.push(...incidentDecider.decide(command, fold(incidentDecider, history)));
  return history;
}
const when = (history: IncidentEvent[], command: IncidentCommand) => incidentDecider.decide(command, fold(incidentDecider, history));
const added = (events: IncidentEvent[]) => events.filter((e): e is ChecklistTasksAdded => e.type === 'ChecklistTasksAdded').flatMap((e) => e.data.tasks.map((t) => t.title));
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('plan activation and the checklist', () => {
  it.each([
    ['I', ['成立现场指挥部', '向自治区报告', '划定警戒区', '疏散周边 3 公里群众']],
    ['II', ['成立现场指挥部', '划定警戒区', '疏散周边 3 公里群众']],
    ['III', ['成立现场指挥部', '划定警戒区']],
    ['IV', ['划定警戒区']],
  ] as const)('activating at level %s pins the version and lists exactly that level’s tasks', (level, titles) => {
    const events = when(given(report, setLevel(level)), activate());
    expect(events[0]).toMatchObject({ type: 'PlanActivated', data: { level, plan: { planId: plan.planId, version: 2 } } });
    expect(added(events)).toEqual(titles);
  });

  it('the level may be decided with the activation, recorded as a response-level decision', () => {
    const events = when(given(report), activate('III'));
    expect(events.map((e) => e.type)).toEqual(['ResponseLevelSet', 'PlanActivated', 'ChecklistTasksAdded']);
    expect(events[0]).toMatchObject({ data: { from: null, level: 'III', decidedBy: '指挥长', reason: '启动《危险化学品事故应急预案》' } });
  });

  it('without a response level there is nothing to choose tasks by', () => {
    expect(codeOf(() => when(given(report), activate()))).toBe('RESPONSE_LEVEL_REQUIRED');
  });

  it('raising the level adds the new level’s tasks that are not on the checklist yet', () => {
    const history = given(report, activate('IV'));
    expect(added(when(history, setLevel('II')))).toEqual(['成立现场指挥部', '疏散周边 3 公里群众']);
    const atII = given(report, activate('IV'), setLevel('II'));
    expect(added(when(atII, setLevel('I')))).toEqual(['向自治区报告']);
  });

  it('lowering the level keeps the checklist and adds nothing', () => {
    const events = when(given(report, activate('I')), setLevel('IV'));
    expect(events.map((e) => e.type)).toEqual(['ResponseLevelSet']);
  });

  it('each level, from IV up to I, ends with every task of the levels reached', () => {
    const history = given(report, activate('IV'));
    for (const level of [...RESPONSE_LEVELS].reverse().slice(1)) history.push(...when(history, setLevel(level)));
    const state = fold(incidentDecider, history);
    if (state.status === 'none') throw new Error('no incident');
    expect(Object.values(state.tasks).map((t) => t.title).sort()).toEqual(['划定警戒区', '向自治区报告', '成立现场指挥部', '疏散周边 3 公里群众'].sort());
  });

  it('a plan is activated once per incident', () => {
    expect(codeOf(() => when(given(report, activate('III')), activate()))).toBe('PLAN_ALREADY_ACTIVE');
  });

  it('a task is completed once, with who, when and a note; unknown tasks are refused', () => {
    const history = given(report, activate('IV'));
    const state = fold(incidentDecider, history);
    if (state.status === 'none') throw new Error('no incident');
    const [taskId] = Object.keys(state.tasks);
    const complete: IncidentCommand = { type: 'CompleteChecklistTask', taskId, note: '警戒区 500 米', completedBy: '值班员', now };
    expect(when(history, complete)).toEqual([{ type: 'ChecklistTaskCompleted', data: expect.objectContaining({ taskId, title: '划定警戒区', note: '警戒区 500 米', completedBy: '值班员' }) }]);
    expect(codeOf(() => when([...history, ...when(history, complete)], complete))).toBe('TASK_ALREADY_COMPLETED');
    expect(codeOf(() => when(history, { ...complete, taskId: 'ffffffff-v1-g1-t1' }))).toBe('TASK_NOT_FOUND');
  });

  it('a closed incident takes no activation', () => {
    expect(codeOf(() => when(given(report, { type: 'CloseIncident', summary: '结案', now }), activate('IV')))).toBe('INCIDENT_CLOSED');
  });
});
