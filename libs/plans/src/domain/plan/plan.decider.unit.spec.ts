import { fold } from '@app/event-sourcing';
import { chemicalPlan } from './plan-fixtures';
import type { PlanCommand } from './plan.commands';
import { planDecider } from './plan.decider';
import type { PlanEvent } from './plan.events';
import type { PlanState } from './plan.state';

const planId = '6f1c2b1e-1111-4a4a-8b8b-000000000001';
const now = new Date('2026-11-23T02:00:00Z');
type Bare = PlanCommand extends infer C ? (C extends PlanCommand ? Omit<C, 'by' | 'now'> : never) : never;
const act = (history: PlanEvent[], command: Bare) => {
  const state = fold(planDecider, history);
  return planDecider.decide({ by: '管理员', now, ...command } as PlanCommand, state);
};
const run = (...commands: Bare[]): { events: PlanEvent[]; state: PlanState } => {
  const events: PlanEvent[] = [];
  for (const command of commands) events.push(...act(events, command));
  return { events, state: fold(planDecider, events) };
};
const draft = { type: 'DraftPlan', planId, content: chemicalPlan() } as const;
const revise = (title: string) => ({ type: 'RevisePlan', content: chemicalPlan({ title }) }) as const;

describe('contingency plan: versions and lifecycle', () => {
  it('a new plan is version 1, a draft, with nothing in force', () => {
    const { state } = run(draft);
    expect(state).toMatchObject({ status: 'draft', latest: 1, inForce: null });
  });

  it('PUT makes a new draft version; the published one stays in force and old versions stay readable', () => {
    const { state } = run(draft, { type: 'PublishPlan' }, revise('第二版'));
    if (state.status === 'none') throw new Error('no plan');
    expect(state.status).toBe('draft');
    expect(state.latest).toBe(2);
    expect(state.inForce).toBe(1);
    expect(state.versions[1].content.title).toBe('中卫市危险化学品事故应急预案');
    expect(state.versions[2].content.title).toBe('第二版');
  });

  it('publishing the new version supersedes the old one', () => {
    const { state } = run(draft, { type: 'PublishPlan' }, revise('第二版'), { type: 'PublishPlan' });
    if (state.status === 'none') throw new Error('no plan');
    expect(state.inForce).toBe(2);
    expect(state.versions[1].status).toBe('superseded');
    expect(state.versions[2].status).toBe('published');
  });

  it('filing records the authority and date on the version in force', () => {
    const { state, events } = run(draft, { type: 'PublishPlan' }, { type: 'FilePlan', filing: { authority: '自治区应急管理厅', filedAt: '2026-11-20' } });
    if (state.status === 'none') throw new Error('no plan');
    expect(state.status).toBe('filed');
    expect(state.versions[1].filing).toEqual({ authority: '自治区应急管理厅', filedAt: '2026-11-20' });
    expect(events.at(-1)).toMatchObject({ type: 'PlanFiled', data: { version: 1 } });
  });

  it('a plan never published cannot be filed; a version cannot be filed twice', () => {
    expect(() => run(draft, { type: 'FilePlan', filing: { authority: 'x', filedAt: '2026-11-20' } })).toThrow(expect.objectContaining({ code: 'ILLEGAL_PLAN_TRANSITION' }));
    const filing = { type: 'FilePlan', filing: { authority: 'x', filedAt: '2026-11-20' } } as const;
    expect(() => run(draft, { type: 'PublishPlan' }, filing, filing)).toThrow(expect.objectContaining({ code: 'ILLEGAL_PLAN_TRANSITION' }));
  });

  it('publishing what is in force changes nothing', () => {
    const { events } = run(draft, { type: 'PublishPlan' });
    expect(act(events, { type: 'PublishPlan' })).toEqual([]);
  });

  it('a retired plan has nothing in force and refuses revision, publication and a second retirement', () => {
    const { events, state } = run(draft, { type: 'PublishPlan' }, { type: 'RetirePlan' });
    expect(state).toMatchObject({ status: 'retired', inForce: null });
    for (const command of [revise('x'), { type: 'PublishPlan' } as const, { type: 'RetirePlan' } as const]) {
      expect(() => act(events, command)).toThrow(expect.objectContaining({ code: 'ILLEGAL_PLAN_TRANSITION' }));
    }
  });

  it('a revision cannot move the plan to another jurisdiction', () => {
    expect(() => run(draft, { type: 'RevisePlan', content: chemicalPlan({ jurisdiction: '640521' }) })).toThrow(expect.objectContaining({ code: 'PLAN_JURISDICTION_FIXED' }));
  });

  it('drafting an existing plan, or changing one that does not exist, is refused', () => {
    expect(() => run(draft, draft)).toThrow(expect.objectContaining({ code: 'PLAN_ALREADY_EXISTS' }));
    expect(() => run({ type: 'PublishPlan' })).toThrow(expect.objectContaining({ code: 'PLAN_NOT_FOUND' }));
  });

  it('a drill finding stays open on the plan until the next version records it as addressed', () => {
    const finding = { type: 'RecordPlanFinding', finding: { findingId: 'f1', drillId: 'd1', text: '警戒区划定责任不清' } } as const;
    const { state, events } = run(draft, { type: 'PublishPlan' }, finding, finding);
    if (state.status === 'none') throw new Error('no plan');
    expect(state.openFindings.map((f) => f.text)).toEqual(['警戒区划定责任不清']);
    const revised = act(events, revise('第二版'));
    expect(revised[0]).toMatchObject({ type: 'PlanRevised', data: { version: 2, addressedFindings: [expect.objectContaining({ findingId: 'f1', recordedBy: '管理员' })] } });
    const after = run(draft, { type: 'PublishPlan' }, finding, revise('第二版')).state;
    expect(after.status !== 'none' && after.openFindings).toEqual([]);
  });
});
