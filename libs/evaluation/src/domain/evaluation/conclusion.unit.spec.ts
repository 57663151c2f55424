import { concludeEvaluation, VERDICT_RULE } from './conclusion';

const verdictAt = (overallPercent: number) =>
  concludeEvaluation({ ended: true, overallPercent, unscored: [] }).verdictLabel;

describe('评估结论: the verdict by overall percent', () => {
  it('grades at each band’s lower bound and just below it', () => {
    expect([100, 90, 89.99, 80, 79.99, 60, 59.99, 0].map(verdictAt)).toEqual([
      '优秀',
      '优秀',
      '良好',
      '良好',
      '合格',
      '合格',
      '不合格',
      '不合格',
    ]);
  });

  it('says the score and the verdict in words, and prints its rule', () => {
    const c = concludeEvaluation({ ended: true, overallPercent: 85.5, unscored: [] });
    expect(c).toMatchObject({ verdict: 'good', overallPercent: 85.5, reason: '综合得分 85.5 分，评定为良好。' });
    expect(c.rule).toBe(VERDICT_RULE);
    expect(VERDICT_RULE).toContain('90 分及以上为优秀');
  });

  it('gives no verdict while the drill runs, before any score, or with aspects unscored', () => {
    expect(concludeEvaluation({ ended: false, overallPercent: 95, unscored: [] })).toMatchObject({
      verdict: 'pending',
      reason: '演练尚未结束，暂不作评估结论。',
    });
    expect(concludeEvaluation({ ended: true, overallPercent: null, unscored: ['演练准备'] }).verdict).toBe('pending');
    const partial = concludeEvaluation({ ended: true, overallPercent: 95, unscored: ['演练准备', '后期处置'] });
    expect(partial.verdict).toBe('pending');
    expect(partial.reason).toContain('演练准备、后期处置');
  });
});
