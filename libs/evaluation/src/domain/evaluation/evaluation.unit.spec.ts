import { spec } from '@app/event-sourcing/testing';
import { evaluationDecider, type EvaluationCommand, type EvaluationEvent } from './evaluation';
import { RubricLockedError, ScoreOutOfRubricError } from './evaluation.errors';

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
  it('scores aspects of the rubric within their maxima', () => {
    evaluation.when(score('plan_fitness', 80)).then([
      {
        type: 'ScoresRecorded',
        data: {
          drillId: 'd',
          evaluator: '甲',
          scores: [{ aspect: 'plan_fitness', score: 80, comment: null }],
          recordedAt: now.toISOString(),
        },
      },
    ]);
    evaluation.when(score('plan_fitness', 101)).thenThrows(ScoreOutOfRubricError, 'SCORE_NOT_IN_RUBRIC');
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
