import { spec } from '@app/event-sourcing/testing';
import { chemicalPlan } from './plan-fixtures';
import type { PlanCommand } from './plan.commands';
import { planDecider } from './plan.decider';
import {
  IllegalPlanTransitionError,
  PlanAlreadyExistsError,
  PlanJurisdictionFixedError,
  PlanNotFoundError,
} from './plan.errors';
import type { PlanEvent } from './plan.events';
import type { PlanState } from './plan.state';

const planId = '6f1c2b1e-1111-4a4a-8b8b-000000000001';
const now = new Date('2026-11-23T02:00:00Z');
const at = now.toISOString();
const earlier = '2026-11-22T02:00:00.000Z';
type Bare = PlanCommand extends infer C ? (C extends PlanCommand ? Omit<C, 'by' | 'now'> : never) : never;
const command = (bare: Bare) => ({ by: '管理员', now, ...bare }) as PlanCommand;
const draft = command({ type: 'DraftPlan', planId, content: chemicalPlan() });
const revise = (title: string) => command({ type: 'RevisePlan', content: chemicalPlan({ title }) });
const publish = command({ type: 'PublishPlan' });
const retire = command({ type: 'RetirePlan' });
const file = command({ type: 'FilePlan', filing: { authority: '自治区应急管理厅', filedAt: '2026-11-20' } });
const finding = command({
  type: 'RecordPlanFinding',
  finding: { findingId: 'f1', drillId: 'd1', text: '警戒区划定责任不清' },
});

// The history, as the stream would hold it.
const drafted: PlanEvent = {
  type: 'PlanDrafted',
  data: { planId, version: 1, content: chemicalPlan(), draftedBy: '管理员', draftedAt: earlier },
};
const published = (version: number): PlanEvent => ({
  type: 'PlanPublished',
  data: { planId, version, publishedBy: '管理员', publishedAt: earlier },
});
const revised = (version: number, title: string): PlanEvent => ({
  type: 'PlanRevised',
  data: { planId, version, content: chemicalPlan({ title }), revisedBy: '管理员', revisedAt: earlier },
});
const filed: PlanEvent = {
  type: 'PlanFiled',
  data: {
    planId,
    version: 1,
    filing: { authority: 'x', filedAt: '2026-11-20' },
    recordedBy: '管理员',
    recordedAt: earlier,
  },
};
const retired: PlanEvent = {
  type: 'PlanRetired',
  data: { planId, reason: null, retiredBy: '管理员', retiredAt: earlier },
};
const findingRecorded: PlanEvent = {
  type: 'PlanFindingRecorded',
  data: {
    planId,
    finding: { findingId: 'f1', drillId: 'd1', text: '警戒区划定责任不清', recordedBy: '管理员', recordedAt: earlier },
  },
};

const plan = spec(planDecider);
const versions = (state: PlanState) => {
  if (state.status === 'none') throw new Error('no plan');
  return state;
};

describe('a plan that does not exist', () => {
  it('is drafted as version 1, with nothing in force', () => {
    const { state } = plan.when(draft).then([
      {
        type: 'PlanDrafted',
        data: { planId, version: 1, content: chemicalPlan(), draftedBy: '管理员', draftedAt: at },
      },
    ]);
    expect(state).toMatchObject({ status: 'draft', latest: 1, inForce: null });
  });
  it('cannot be changed', () => {
    plan.when(publish).thenThrows(PlanNotFoundError, 'PLAN_NOT_FOUND');
  });
});

describe('a draft never published', () => {
  const draftOnly = plan.given([drafted]);
  it('cannot be filed', () => {
    draftOnly.when(file).thenThrows(IllegalPlanTransitionError, 'ILLEGAL_PLAN_TRANSITION');
  });
  it('cannot be drafted again', () => {
    draftOnly.when(draft).thenThrows(PlanAlreadyExistsError, 'PLAN_ALREADY_EXISTS');
  });
  it('a revision cannot move it to another jurisdiction', () => {
    draftOnly
      .when(command({ type: 'RevisePlan', content: chemicalPlan({ jurisdiction: '640521' }) }))
      .thenThrows(PlanJurisdictionFixedError, 'PLAN_JURISDICTION_FIXED');
  });
});

describe('a published plan', () => {
  const inForce = plan.given([drafted, published(1)]);
  it('PUT makes a new draft version; the published one stays in force and old versions stay readable', () => {
    const state = versions(
      inForce
        .when(revise('第二版'))
        .then([expect.objectContaining({ type: 'PlanRevised', data: expect.objectContaining({ version: 2 }) })]).state,
    );
    expect(state.status).toBe('draft');
    expect(state.latest).toBe(2);
    expect(state.inForce).toBe(1);
    expect(state.versions[1].content.title).toBe('中卫市危险化学品事故应急预案');
    expect(state.versions[2].content.title).toBe('第二版');
  });
  it('publishing the new version supersedes the old one', () => {
    const state = versions(
      plan
        .given([drafted, published(1), revised(2, '第二版')])
        .when(publish)
        .then([{ type: 'PlanPublished', data: { planId, version: 2, publishedBy: '管理员', publishedAt: at } }]).state,
    );
    expect(state.inForce).toBe(2);
    expect(state.versions[1].status).toBe('superseded');
    expect(state.versions[2].status).toBe('published');
  });
  it('filing records the authority and date on the version in force', () => {
    const state = versions(
      inForce.when(file).then([
        {
          type: 'PlanFiled',
          data: {
            planId,
            version: 1,
            filing: { authority: '自治区应急管理厅', filedAt: '2026-11-20' },
            recordedBy: '管理员',
            recordedAt: at,
          },
        },
      ]).state,
    );
    expect(state.status).toBe('filed');
    expect(state.versions[1].filing).toEqual({ authority: '自治区应急管理厅', filedAt: '2026-11-20' });
  });
  it('a version cannot be filed twice', () => {
    plan
      .given([drafted, published(1), filed])
      .when(file)
      .thenThrows(IllegalPlanTransitionError, 'ILLEGAL_PLAN_TRANSITION');
  });
  it('publishing what is in force changes nothing', () => {
    inForce.when(publish).thenNothing();
  });
  it('a drill finding stays open on the plan until the next version records it as addressed', () => {
    inForce.when(finding).then([
      {
        type: 'PlanFindingRecorded',
        data: { planId, finding: expect.objectContaining({ findingId: 'f1', recordedBy: '管理员', recordedAt: at }) },
      },
    ]);
    const withFinding = plan.given([drafted, published(1), findingRecorded]);
    withFinding.when(finding).thenNothing();
    expect(versions(withFinding.state()).openFindings.map((f) => f.text)).toEqual(['警戒区划定责任不清']);
    const { state } = withFinding.when(revise('第二版')).then([
      {
        type: 'PlanRevised',
        data: expect.objectContaining({
          version: 2,
          addressedFindings: [expect.objectContaining({ findingId: 'f1', recordedBy: '管理员' })],
        }),
      },
    ]);
    expect(versions(state).openFindings).toEqual([]);
  });
});

describe('a retired plan', () => {
  const done = plan.given([drafted, published(1), retired]);
  it('has nothing in force and refuses revision, publication and a second retirement', () => {
    const { state } = plan
      .given([drafted, published(1)])
      .when(retire)
      .then([{ type: 'PlanRetired', data: expect.objectContaining({ planId, retiredBy: '管理员', retiredAt: at }) }]);
    expect(state).toMatchObject({ status: 'retired', inForce: null });
    expect(done.state()).toMatchObject({ status: 'retired', inForce: null });
    for (const refused of [revise('x'), publish, retire])
      done.when(refused).thenThrows(IllegalPlanTransitionError, 'ILLEGAL_PLAN_TRANSITION');
  });
});
