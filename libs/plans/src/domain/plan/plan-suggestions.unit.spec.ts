import type { IncidentFacts } from './plan-suggestions';
import { levelMet, notApplicableBecause, suggestPlans } from './plan-suggestions';
import { chemicalPlan } from './plan-fixtures';

const none = { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 };
const facts = (over: Partial<IncidentFacts> = {}): IncidentFacts => ({
  category: 'hazardous_chemicals',
  grade: 'general',
  casualties: none,
  directLossYuan: null,
  jurisdictionLineage: ['640521', '640500'],
  ...over,
});

describe('plan suggestions: which published plan and level an incident meets', () => {
  const plan = chemicalPlan();

  it.each([
    [{ grade: 'serious' as const }, 'I'],
    [{ grade: 'major' as const }, 'II'],
    [{ casualties: { ...none, trapped: 12 } }, 'II'],
    [{ casualties: { ...none, deaths: 1 } }, 'III'],
    [{ casualties: { ...none, trapped: 1 } }, 'IV'],
  ])('%j → level %s (any one criterion is enough, highest level first)', (over, level) => {
    expect(levelMet(plan.activation.levels, facts(over))?.level).toBe(level);
  });

  it('says why, in Chinese', () => {
    expect(levelMet(plan.activation.levels, facts({ casualties: { ...none, deaths: 2 } }))?.reasons).toEqual([
      '死亡 2 人（≥ 1）',
    ]);
  });

  it('an incident below every threshold gets no suggestion', () => {
    expect(suggestPlans(facts(), [{ planId: 'p', version: 1, content: plan }])).toEqual([]);
  });

  it('a plan of another category or of a jurisdiction not above the incident does not apply', () => {
    expect(notApplicableBecause(plan, { category: 'coal_mine', jurisdictionLineage: ['640500'] })).toBe(
      '预案不适用于该类事故',
    );
    expect(
      notApplicableBecause(chemicalPlan({ jurisdiction: '640522' }), {
        category: 'hazardous_chemicals',
        jurisdictionLineage: ['640521', '640500'],
      }),
    ).toBe('预案不适用于该事故所在辖区');
    expect(
      notApplicableBecause(chemicalPlan({ kind: 'comprehensive', categories: [] }), {
        category: 'non_coal_mine',
        jurisdictionLineage: ['640500'],
      }),
    ).toBeNull();
  });

  it('lists every matching plan, highest level first', () => {
    const county = {
      planId: 'b',
      version: 3,
      content: chemicalPlan({
        jurisdiction: '640521',
        title: '中宁县预案',
        activation: { description: '', levels: [{ level: 'IV', minDeaths: 1 }] },
      }),
    };
    const city = { planId: 'a', version: 1, content: plan };
    const result = suggestPlans(facts({ casualties: { ...none, deaths: 1 } }), [county, city]);
    expect(result.map((s) => [s.planId, s.version, s.level])).toEqual([
      ['a', 1, 'III'],
      ['b', 3, 'IV'],
    ]);
  });
});
