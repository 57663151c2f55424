import { spec } from '@app/event-sourcing/testing';
import { checklistTaskId, type ChecklistTask, type PinnedPlan } from './checklist';
import type { IncidentCommand } from './incident.commands';
import { incidentDecider } from './incident.decider';
import {
  IncidentClosedError,
  PlanAlreadyActiveError,
  ResponseLevelRequiredError,
  TaskAlreadyCompletedError,
  TaskNotFoundError,
} from './incident.errors';
import type { ChecklistTasksAdded, IncidentEvent } from './incident.events';
import { RESPONSE_LEVELS, type ResponseLevel } from './incident.types';

const now = new Date('2026-11-23T03:00:00Z');
const earlier = '2026-11-23T02:50:00.000Z';
const none = { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 };
const incidentId = 'b7e2d7b5-9f4e-4b54-8e54-6c2e8c8d3f21';
/** Tasks by level: I has 4, II 3, III 2, IV 1 (the higher the level, the more the plan asks). */
const plan: PinnedPlan = {
  planId: '0a1b2c3d-0000-4000-8000-000000000001',
  version: 2,
  title: '危险化学品事故应急预案',
  groups: [
    {
      name: '综合协调组',
      leadAgency: '市应急管理局',
      tasks: [
        { title: '成立现场指挥部', responseLevels: ['I', 'II', 'III'] },
        { title: '向自治区报告', responseLevels: ['I'] },
      ],
    },
    {
      name: '警戒疏散组',
      leadAgency: '市公安局',
      tasks: [
        { title: '划定警戒区', responseLevels: ['I', 'II', 'III', 'IV'] },
        { title: '疏散周边 3 公里群众', responseLevels: ['I', 'II'] },
      ],
    },
  ],
  requirements: { teams: [{ specialty: 'hazardous_chemicals', count: 2 }], materials: [] },
};
const activate = (level?: ResponseLevel): IncidentCommand => ({
  type: 'ActivatePlan',
  plan,
  ...(level ? { level } : {}),
  activatedBy: '指挥长',
  now,
});
const setLevel = (level: ResponseLevel): IncidentCommand => ({
  type: 'SetResponseLevel',
  level,
  reason: '研判',
  decidedBy: '指挥长',
  now,
});

// The history, as the stream would hold it.
const reported: IncidentEvent = {
  type: 'IncidentReported',
  data: {
    incidentId,
    title: '某化工企业储罐泄漏',
    category: 'hazardous_chemicals',
    occurredAt: '2026-11-23T02:40:00.000Z',
    receivedAt: earlier,
    location: { address: '中卫工业园区', lat: 37.52, lng: 105.18 },
    jurisdiction: '640571',
    enterprise: null,
    reporter: { name: '王强', phone: '13800000000', organization: '某化工有限公司' },
    takenBy: '值班员',
    casualties: none,
    directLossYuan: null,
    description: '泄漏',
    drillId: null,
    grade: 'general',
  },
};
const levelSet = (from: ResponseLevel | null, level: ResponseLevel): IncidentEvent => ({
  type: 'ResponseLevelSet',
  data: { incidentId, from, level, reason: '研判', decidedBy: '指挥长', decidedAt: earlier },
});
const activated = (level: ResponseLevel): IncidentEvent => ({
  type: 'PlanActivated',
  data: { incidentId, plan, level, activatedBy: '指挥长', activatedAt: earlier },
});
/** A task of the plan by its group and position, as it lands on the checklist. */
const task = (group: number, position: number, level: ResponseLevel): ChecklistTask => ({
  taskId: checklistTaskId(plan.planId, plan.version, group, position),
  planId: plan.planId,
  planVersion: plan.version,
  group: plan.groups[group]!.name,
  leadAgency: plan.groups[group]!.leadAgency,
  title: plan.groups[group]!.tasks[position]!.title,
  level,
});
const tasksAdded = (level: ResponseLevel, tasks: ChecklistTask[]): IncidentEvent => ({
  type: 'ChecklistTasksAdded',
  data: { incidentId, level, tasks, addedAt: earlier },
});
/** Activated at IV: the checklist holds 划定警戒区 only. */
const activeAtIV = [reported, levelSet(null, 'IV'), activated('IV'), tasksAdded('IV', [task(1, 0, 'IV')])];
const activeAtI = [
  reported,
  levelSet(null, 'I'),
  activated('I'),
  tasksAdded('I', [task(0, 0, 'I'), task(0, 1, 'I'), task(1, 0, 'I'), task(1, 1, 'I')]),
];

const added = (events: IncidentEvent[]) =>
  events
    .filter((e): e is ChecklistTasksAdded => e.type === 'ChecklistTasksAdded')
    .flatMap((e) => e.data.tasks.map((t) => t.title));
const incident = spec(incidentDecider);

describe('an open incident without an active plan', () => {
  it.each([
    ['I', ['成立现场指挥部', '向自治区报告', '划定警戒区', '疏散周边 3 公里群众']],
    ['II', ['成立现场指挥部', '划定警戒区', '疏散周边 3 公里群众']],
    ['III', ['成立现场指挥部', '划定警戒区']],
    ['IV', ['划定警戒区']],
  ] as const)('activating at level %s pins the version and lists exactly that level’s tasks', (level, titles) => {
    const { events } = incident
      .given([reported, levelSet(null, level)])
      .when(activate())
      .then([
        {
          type: 'PlanActivated',
          data: expect.objectContaining({ level, plan: expect.objectContaining({ planId: plan.planId, version: 2 }) }),
        },
        expect.objectContaining({ type: 'ChecklistTasksAdded' }),
      ]);
    expect(added(events)).toEqual(titles);
  });

  it('the level may be decided with the activation, recorded as a response-level decision', () => {
    incident
      .given([reported])
      .when(activate('III'))
      .then([
        {
          type: 'ResponseLevelSet',
          data: expect.objectContaining({
            from: null,
            level: 'III',
            decidedBy: '指挥长',
            reason: '启动《危险化学品事故应急预案》',
          }),
        },
        expect.objectContaining({ type: 'PlanActivated' }),
        expect.objectContaining({ type: 'ChecklistTasksAdded' }),
      ]);
  });

  it('without a response level there is nothing to choose tasks by', () => {
    incident.given([reported]).when(activate()).thenThrows(ResponseLevelRequiredError, 'RESPONSE_LEVEL_REQUIRED');
  });
});

describe('an incident with an active plan', () => {
  it('raising the level adds the new level’s tasks that are not on the checklist yet', () => {
    const { events } = incident.given(activeAtIV).when(setLevel('II')).decided();
    expect(added(events)).toEqual(['成立现场指挥部', '疏散周边 3 公里群众']);
    const atII = [...activeAtIV, levelSet('IV', 'II'), tasksAdded('II', [task(0, 0, 'II'), task(1, 1, 'II')])];
    expect(added(incident.given(atII).when(setLevel('I')).decided().events)).toEqual(['向自治区报告']);
  });

  it('lowering the level keeps the checklist and adds nothing', () => {
    incident
      .given(activeAtI)
      .when(setLevel('IV'))
      .then([expect.objectContaining({ type: 'ResponseLevelSet' })]);
  });

  it('each level, from IV up to I, ends with every task of the levels reached', () => {
    const history = [...activeAtIV];
    for (const level of [...RESPONSE_LEVELS].reverse().slice(1))
      history.push(...incident.given(history).when(setLevel(level)).decided().events);
    const state = incident.given(history).state();
    if (state.status === 'none') throw new Error('no incident');
    expect(
      Object.values(state.tasks)
        .map((t) => t.title)
        .sort(),
    ).toEqual(['划定警戒区', '向自治区报告', '成立现场指挥部', '疏散周边 3 公里群众'].sort());
  });

  it('a plan is activated once per incident', () => {
    incident
      .given([
        reported,
        levelSet(null, 'III'),
        activated('III'),
        tasksAdded('III', [task(0, 0, 'III'), task(1, 0, 'III')]),
      ])
      .when(activate())
      .thenThrows(PlanAlreadyActiveError, 'PLAN_ALREADY_ACTIVE');
  });

  it('a task is completed once, with who, when and a note; unknown tasks are refused', () => {
    const taskId = task(1, 0, 'IV').taskId;
    const complete: IncidentCommand = {
      type: 'CompleteChecklistTask',
      taskId,
      note: '警戒区 500 米',
      completedBy: '值班员',
      now,
    };
    incident
      .given(activeAtIV)
      .when(complete)
      .then([
        {
          type: 'ChecklistTaskCompleted',
          data: expect.objectContaining({ taskId, title: '划定警戒区', note: '警戒区 500 米', completedBy: '值班员' }),
        },
      ]);
    const completed: IncidentEvent = {
      type: 'ChecklistTaskCompleted',
      data: { incidentId, taskId, title: '划定警戒区', note: null, completedBy: '值班员', completedAt: earlier },
    };
    incident
      .given([...activeAtIV, completed])
      .when(complete)
      .thenThrows(TaskAlreadyCompletedError, 'TASK_ALREADY_COMPLETED');
    incident
      .given(activeAtIV)
      .when({ ...complete, taskId: 'ffffffff-v1-g1-t1' })
      .thenThrows(TaskNotFoundError, 'TASK_NOT_FOUND');
  });
});

describe('a closed incident', () => {
  it('takes no activation', () => {
    incident
      .given([reported, { type: 'IncidentClosed', data: { incidentId, summary: '结案', closedAt: earlier } }])
      .when(activate('IV'))
      .thenThrows(IncidentClosedError, 'INCIDENT_CLOSED');
  });
});
