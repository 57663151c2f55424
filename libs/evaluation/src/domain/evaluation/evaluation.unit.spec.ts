import { spec } from '@app/event-sourcing/testing';
import { evaluationDecider, type EvaluationCommand, type EvaluationEvent } from './evaluation';
import { RubricLockedError, ScoreOutOfRubricError } from './evaluation.errors';
import { DEFAULT_RUBRIC, FIRST_DEFAULT_RUBRIC } from './rubric';

const now = new Date('2026-11-23T03:00:00Z');
const earlier = '2026-11-23T02:00:00.000Z';
const score = (aspect: string, value: number, comment: string | null = null): EvaluationCommand => ({
  type: 'RecordScores',
  drillId: 'd',
  evaluator: '甲',
  scores: [{ aspect, score: value, comment }],
  now,
});
const speed = [{ key: 'speed', label: '响应速度', weight: 1, maxScore: 10 }];
const setRubric: EvaluationCommand = { type: 'SetRubric', drillId: 'd', aspects: speed, by: '演练组织者', now };

// The history, as the stream would hold it.
const rubricSet: EvaluationEvent = {
  type: 'RubricSet',
  data: { drillId: 'd', aspects: speed, setBy: '演练组织者', setAt: earlier },
};
const scored: EvaluationEvent = {
  type: 'ScoresRecorded',
  data: { drillId: 'd', evaluator: '甲', scores: [{ aspect: 'speed', score: 9, comment: '快' }], recordedAt: earlier },
};

const evaluation = spec(evaluationDecider);

describe('a drill evaluation on the default AQ/T 9009 rubric', () => {
  it('follows AQ/T 9009: preparation and warning/reporting are aspects beside command, action, resources, recovery', () => {
    expect(DEFAULT_RUBRIC.map((a) => a.label.replace(/（.*$/, ''))).toEqual([
      '演练准备',
      '预警与信息报告',
      '应急响应与指挥协调',
      '现场处置',
      '资源保障',
      '后期处置',
      '预案适用性',
    ]);
    expect(DEFAULT_RUBRIC.reduce((n, a) => n + a.weight, 0)).toBe(100);
  });
  it('scores aspects of the rubric within their maxima, putting the default rubric on record with the first sheet', () => {
    evaluation.when(score('warning_reporting', 80)).then([
      {
        type: 'RubricSet',
        data: { drillId: 'd', aspects: [...DEFAULT_RUBRIC], setBy: '甲', setAt: now.toISOString() },
      },
      {
        type: 'ScoresRecorded',
        data: {
          drillId: 'd',
          evaluator: '甲',
          scores: [{ aspect: 'warning_reporting', score: 80, comment: null }],
          recordedAt: now.toISOString(),
        },
      },
    ]);
    evaluation.when(score('preparation', 101)).thenThrows(ScoreOutOfRubricError, 'SCORE_NOT_IN_RUBRIC');
    evaluation.when(score('nope', 1)).thenThrows(ScoreOutOfRubricError, 'SCORE_NOT_IN_RUBRIC');
  });
  it('takes a configured rubric before the first score', () => {
    const { state } = evaluation
      .when(setRubric)
      .then([
        { type: 'RubricSet', data: { drillId: 'd', aspects: speed, setBy: '演练组织者', setAt: now.toISOString() } },
      ]);
    expect(state.rubric.map((a) => a.key)).toEqual(['speed']);
  });
});

describe('a drill scored on the first default rubric (no rubric on record)', () => {
  const legacySheet: EvaluationEvent = {
    type: 'ScoresRecorded',
    data: {
      drillId: 'd',
      evaluator: '甲',
      scores: [{ aspect: 'command_coordination', score: 90, comment: null }],
      recordedAt: earlier,
    },
  };
  it('keeps reading its sheets against that rubric, and a second sheet is scored on it too', () => {
    const { state } = evaluation
      .given([legacySheet])
      .when(score('responder_performance', 70))
      .then([expect.objectContaining({ type: 'ScoresRecorded' })]);
    expect(state.rubric).toEqual(FIRST_DEFAULT_RUBRIC);
    evaluation
      .given([legacySheet])
      .when(score('preparation', 70))
      .thenThrows(ScoreOutOfRubricError, 'SCORE_NOT_IN_RUBRIC');
  });
});

describe('the evaluators’ conclusion', () => {
  it('is recorded with who wrote it; the latest one is the conclusion', () => {
    const first: EvaluationEvent = {
      type: 'ConclusionRecorded',
      data: { drillId: 'd', text: '初稿', recordedBy: '甲', recordedAt: earlier },
    };
    const { state } = evaluation
      .given([first])
      .when({ type: 'RecordConclusion', drillId: 'd', text: '达到演练目的', by: '乙', now })
      .then([
        {
          type: 'ConclusionRecorded',
          data: { drillId: 'd', text: '达到演练目的', recordedBy: '乙', recordedAt: now.toISOString() },
        },
      ]);
    expect(state.conclusion).toEqual({ text: '达到演练目的', recordedBy: '乙', recordedAt: now.toISOString() });
  });
});

describe('a drill evaluation with a configured rubric', () => {
  it('scores against that rubric instead of the default', () => {
    const { state } = evaluation
      .given([rubricSet])
      .when(score('speed', 9, '快'))
      .then([expect.objectContaining({ type: 'ScoresRecorded' })]);
    expect(state.rubric.map((a) => a.key)).toEqual(['speed']);
    evaluation
      .given([rubricSet])
      .when(score('plan_fitness', 80))
      .thenThrows(ScoreOutOfRubricError, 'SCORE_NOT_IN_RUBRIC');
  });
  it('is locked once scored', () => {
    evaluation.given([rubricSet, scored]).when(setRubric).thenThrows(RubricLockedError, 'RUBRIC_LOCKED');
  });
});
