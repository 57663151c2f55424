import { fold } from '@app/event-sourcing';
import { evaluationDecider, type EvaluationCommand, type EvaluationEvent } from './evaluation';

const now = new Date('2026-11-23T03:00:00Z');
const run = (...commands: EvaluationCommand[]): EvaluationEvent[] => {
  const events: EvaluationEvent[] = [];
  for (const c of commands) events.push(...evaluationDecider.decide(c, fold(evaluationDecider, events)));
  return events;
};
const code = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('drill evaluation aggregate', () => {
  it('scores aspects of the default AQ/T 9009 rubric within their maxima', () => {
    const events = run({ type: 'RecordScores', drillId: 'd', evaluator: '甲', scores: [{ aspect: 'plan_fitness', score: 80, comment: null }], now });
    expect(events[0]).toMatchObject({ type: 'ScoresRecorded', data: { evaluator: '甲' } });
    expect(code(() => run({ type: 'RecordScores', drillId: 'd', evaluator: '甲', scores: [{ aspect: 'plan_fitness', score: 101, comment: null }], now }))).toBe('SCORE_NOT_IN_RUBRIC');
    expect(code(() => run({ type: 'RecordScores', drillId: 'd', evaluator: '甲', scores: [{ aspect: 'nope', score: 1, comment: null }], now }))).toBe('SCORE_NOT_IN_RUBRIC');
  });

  it('a configured rubric replaces the default until the first score, then it is locked', () => {
    const rubric: EvaluationCommand = { type: 'SetRubric', drillId: 'd', aspects: [{ key: 'speed', label: '响应速度', weight: 1, maxScore: 10 }], by: '演练组织者', now };
    const events = run(rubric, { type: 'RecordScores', drillId: 'd', evaluator: '甲', scores: [{ aspect: 'speed', score: 9, comment: '快' }], now });
    expect(fold(evaluationDecider, events).rubric.map((a) => a.key)).toEqual(['speed']);
    expect(code(() => run(rubric, { type: 'RecordScores', drillId: 'd', evaluator: '甲', scores: [{ aspect: 'speed', score: 9, comment: null }], now }, rubric))).toBe('RUBRIC_LOCKED');
  });
});
