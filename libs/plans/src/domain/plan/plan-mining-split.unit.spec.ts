import { planEvents, splitMiningCategory } from './plan.events';
import { chemicalPlan } from './plan-fixtures';
import { notApplicableBecause } from './plan-suggestions';

type RecordedEvent = Parameters<typeof planEvents.read>[0];

/** Coal and non-coal mines told apart (docs/adr/0016-coal-and-non-coal-mines.md): old plans for 矿山 cover both. */
describe('plans written for 矿山 before coal and non-coal mines were told apart', () => {
  const stored = (type: string, categories: string[], schemaVersion?: number): RecordedEvent =>
    ({
      type,
      data: { planId: 'p', version: 1, content: chemicalPlan({ categories: categories as never }) },
      metadata: schemaVersion === undefined ? {} : { schemaVersion },
      streamName: 'plan-p',
      revision: 0n,
      position: { commit: 1n, prepare: 1n },
      id: 'e',
      recordedAt: new Date(),
    }) as unknown as RecordedEvent;
  const categoriesOf = (recorded: RecordedEvent) =>
    (planEvents.read(recorded)!.data as { content: { categories: string[] } }).content.categories;

  it('reads a version-1 plan for mining as one for coal mines and non-coal mines, keeping the others', () => {
    expect(categoriesOf(stored('PlanDrafted', ['hazardous_chemicals', 'mining']))).toEqual([
      'hazardous_chemicals',
      'coal_mine',
      'non_coal_mine',
    ]);
    expect(categoriesOf(stored('PlanRevised', ['mining']))).toEqual(['coal_mine', 'non_coal_mine']);
  });

  it('leaves plans without mining, and version-2 plans, as stored', () => {
    expect(categoriesOf(stored('PlanDrafted', ['fire']))).toEqual(['fire']);
    expect(categoriesOf(stored('PlanDrafted', ['mining'], 2))).toEqual(['mining']);
    expect(planEvents.versionOf('PlanDrafted')).toBe(2);
  });

  it('does not list a category twice when a plan already named one kind of mine', () => {
    const v1 = { content: { categories: ['coal_mine', 'mining'] } };
    expect(splitMiningCategory(v1).content.categories).toEqual(['coal_mine', 'non_coal_mine']);
  });

  it('an incident filed as 矿山（未区分） is covered by a plan for either kind of mine, not by others', () => {
    const incident = { category: 'mining' as const, jurisdictionLineage: ['640500'] };
    expect(notApplicableBecause(chemicalPlan({ categories: ['coal_mine'] }), incident)).toBeNull();
    expect(notApplicableBecause(chemicalPlan({ categories: ['non_coal_mine'] }), incident)).toBeNull();
    expect(notApplicableBecause(chemicalPlan(), incident)).toBe('预案不适用于该类事故');
    const coal = { category: 'coal_mine' as const, jurisdictionLineage: ['640500'] };
    expect(notApplicableBecause(chemicalPlan({ categories: ['non_coal_mine'] }), coal)).toBe('预案不适用于该类事故');
  });
});
