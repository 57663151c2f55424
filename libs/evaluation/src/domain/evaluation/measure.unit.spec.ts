import { measureIncident, type StoredIncidentEvent } from './measure';
import { DEFAULT_RUBRIC, summarizeScores } from './rubric';

const t0 = Date.parse('2026-11-23T02:00:00Z');
const at = (s: number) => new Date(t0 + s * 1000).toISOString();
const planId = '0a1b2c3d-0000-4000-8000-000000000001';

/** A scripted scenario with known timings: every figure below is one of these offsets. */
const events: StoredIncidentEvent[] = [
  { type: 'IncidentReported', data: { incidentId: 'i1', title: '演练：储罐泄漏', receivedAt: at(0) } },
  { type: 'ResponseLevelSet', data: { level: 'IV', decidedAt: at(240) } },
  {
    type: 'PlanActivated',
    data: {
      activatedAt: at(300),
      plan: {
        planId,
        version: 3,
        title: '预案',
        groups: [
          {
            name: '警戒疏散组',
            leadAgency: '公安局',
            tasks: [
              { title: '划定警戒区', responseLevels: ['IV'], withinMinutes: 10 },
              { title: '疏散群众', responseLevels: ['IV'], withinMinutes: 5 },
            ],
          },
        ],
        requirements: {
          teams: [],
          materials: [
            { materialCode: '2010102', quantity: 20 },
            { materialCode: '1010101', quantity: 5 },
          ],
        },
      },
    },
  },
  {
    type: 'ChecklistTasksAdded',
    data: {
      addedAt: at(300),
      tasks: [
        { taskId: '0a1b2c3d-v3-g1-t1', title: '划定警戒区', group: '警戒疏散组', level: 'IV' },
        { taskId: '0a1b2c3d-v3-g1-t2', title: '疏散群众', group: '警戒疏散组', level: 'IV' },
      ],
    },
  },
  { type: 'TeamAssigned', data: { teamId: 'a', dispatchedAt: at(420) } },
  { type: 'TeamAssigned', data: { teamId: 'b', dispatchedAt: at(500) } },
  { type: 'AssignedTeamStatusChanged', data: { teamId: 'a', status: 'en_route', at: at(480) } },
  { type: 'AssignedTeamStatusChanged', data: { teamId: 'a', status: 'on_scene', at: at(1320) } },
  { type: 'ChecklistTaskCompleted', data: { taskId: '0a1b2c3d-v3-g1-t1', completedAt: at(780) } },
  { type: 'ChecklistTaskCompleted', data: { taskId: '0a1b2c3d-v3-g1-t2', completedAt: at(1000) } },
  { type: 'DrillAllocationRecorded', data: { items: [{ materialCode: '2010102', quantity: 12 }] } },
];

describe('evaluation: measured from the events', () => {
  it('reports exactly the scenario’s timings', () => {
    const m = measureIncident('i1', events)!;
    expect(m).toMatchObject({
      reportToFirstDispatchSeconds: 420,
      reportToFirstArrivalSeconds: 1320,
      reportToResponseLevelSeconds: 240,
      reportToPlanActivationSeconds: 300,
    });
  });

  it('times each checklist task against the plan’s limit', () => {
    expect(measureIncident('i1', events)!.tasks.map((t) => [t.title, t.seconds, t.verdict])).toEqual([
      ['划定警戒区', 480, 'met'],
      ['疏散群众', 700, 'late'],
    ]);
  });

  it('lists supply shortfalls of the plan’s requirements against what was allocated', () => {
    expect(measureIncident('i1', events)!.shortfalls).toEqual([
      { materialCode: '2010102', required: 20, allocated: 12, short: 8 },
      { materialCode: '1010101', required: 5, allocated: 0, short: 5 },
    ]);
  });

  it('a step that never happened is null, not zero', () => {
    const m = measureIncident('i1', events.slice(0, 1))!;
    expect([m.reportToFirstDispatchSeconds, m.reportToFirstArrivalSeconds, m.reportToPlanActivationSeconds]).toEqual([
      null,
      null,
      null,
    ]);
  });
});

describe('evaluation: rubric scores', () => {
  it('averages each evaluator’s latest sheet per aspect and weights the overall score', () => {
    const sheet = (evaluator: string, score: number) => ({
      evaluator,
      recordedAt: at(0),
      scores: DEFAULT_RUBRIC.map((a) => ({ aspect: a.key, score, comment: null })),
    });
    const summary = summarizeScores(DEFAULT_RUBRIC, [sheet('甲', 50), sheet('乙', 80), sheet('甲', 90)]);
    expect(summary.evaluators).toBe(2);
    expect(summary.byAspect.every((a) => a.mean === 85)).toBe(true);
    expect(summary.overallPercent).toBe(85);
  });

  it('leaves unscored aspects out of the weights', () => {
    const summary = summarizeScores(DEFAULT_RUBRIC, [
      { evaluator: '甲', recordedAt: at(0), scores: [{ aspect: 'plan_fitness', score: 60, comment: null }] },
    ]);
    expect(summary.overallPercent).toBe(60);
    expect(summary.byAspect.find((a) => a.aspect === 'resources')!.mean).toBeNull();
  });
});
