// Over 300 lines on purpose: the plan's whole lifecycle (rules 11 and 11a), its cases sharing one set of history fixtures.
import { spec } from '@app/event-sourcing/testing';
import { chemicalPlan } from './plan-fixtures';
import type { PlanCommand } from './plan.commands';
import { planDecider } from './plan.decider';
import { SHIPPED_WORKING_DAY_CALENDAR as calendar } from '../governance/cn-working-day-calendar';
import {
  IllegalPlanTransitionError,
  PlanAlreadyExistsError,
  PlanDateInFutureError,
  PlanDateTooEarlyError,
  PlanJurisdictionFixedError,
  PlanNotFoundError,
  PlanNotReviewedError,
  PlanReviewNotPassedError,
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
const timeZone = 'Asia/Shanghai';
const fileOn = (filedAt: string) =>
  command({ type: 'FilePlan', filing: { authority: '自治区应急管理厅', filedAt }, calendar, timeZone });
const file = fileOn('2026-11-23');
const reviewOn = (reviewedOn: string, conclusion: 'passed' | 'failed' = 'passed') =>
  command({
    type: 'RecordPlanReview',
    timeZone,
    review: { kind: 'review', reviewedOn, experts: ['张立'], organisation: null, conclusion, document: '评审纪要' },
  });
const evaluateOn = (evaluatedOn: string) =>
  command({
    type: 'RecordPlanEvaluation',
    timeZone,
    evaluation: { evaluatedOn, conclusion: 'no_revision', summary: '继续有效', evaluators: ['预案科'], document: null },
  });
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
const reviewed = (version: number, conclusion: 'passed' | 'failed' = 'passed'): PlanEvent => ({
  type: 'PlanReviewed',
  data: {
    planId,
    version,
    review: {
      kind: 'review',
      reviewedOn: '2026-11-22',
      experts: ['张立'],
      organisation: null,
      conclusion,
      document: '评审纪要',
      recordedBy: '管理员',
      recordedAt: earlier,
    },
  },
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
        .given([drafted, published(1), revised(2, '第二版'), reviewed(2)])
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
            filing: {
              authority: '自治区应急管理厅',
              filedAt: '2026-11-23',
              filedOn: '2026-11-23',
              deadline: '2026-12-18',
              late: false,
            },
            recordedBy: '管理员',
            recordedAt: at,
          },
        },
      ]).state,
    );
    expect(state.status).toBe('filed');
    expect(state.versions[1].filing).toMatchObject({ authority: '自治区应急管理厅', filedAt: '2026-11-23' });
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

describe('review before publication (预案办法 第二十条、第二十一条)', () => {
  const draftOnly = plan.given([drafted]);
  it('a draft without a review record is not published (409 PLAN_NOT_REVIEWED)', () => {
    draftOnly.when(publish).thenThrows(PlanNotReviewedError, 'PLAN_NOT_REVIEWED');
  });
  it('a review records date, experts, conclusion and minutes on the newest version, which may then be published', () => {
    const { state } = draftOnly.when(reviewOn('2026-11-23')).then([
      {
        type: 'PlanReviewed',
        data: {
          planId,
          version: 1,
          review: {
            kind: 'review',
            reviewedOn: '2026-11-23',
            experts: ['张立'],
            organisation: null,
            conclusion: 'passed',
            document: '评审纪要',
            recordedBy: '管理员',
            recordedAt: at,
          },
        },
      },
    ]);
    expect(state).toMatchObject({ status: 'reviewed' });
    plan
      .given([drafted, reviewed(1)])
      .when(publish)
      .then([{ type: 'PlanPublished', data: { planId, version: 1, publishedBy: '管理员', publishedAt: at } }]);
  });
  it('a review concluding 不通过 does not open publication (409 PLAN_REVIEW_NOT_PASSED)', () => {
    plan
      .given([drafted, reviewed(1, 'failed')])
      .when(publish)
      .thenThrows(PlanReviewNotPassedError, 'PLAN_REVIEW_NOT_PASSED');
  });
  it('a review date after today (Beijing) is refused; today is accepted', () => {
    // now = 2026-11-23T02:00Z = 10:00 on 23 November in Beijing
    draftOnly.when(reviewOn('2026-11-24')).thenThrows(PlanDateInFutureError, 'PLAN_DATE_IN_FUTURE');
    draftOnly.when(reviewOn('2026-11-23T15:59:00Z')).then([expect.objectContaining({ type: 'PlanReviewed' })]);
    draftOnly.when(reviewOn('2026-11-23T16:00:00Z')).thenThrows(PlanDateInFutureError, 'PLAN_DATE_IN_FUTURE');
  });
  it('a review dated before the version was written is refused', () => {
    draftOnly.when(reviewOn('2026-11-21')).thenThrows(PlanDateTooEarlyError, 'PLAN_DATE_TOO_EARLY');
  });
  it('a revision is reviewed again before it is published; the version in force is not reviewed again', () => {
    plan
      .given([drafted, reviewed(1), published(1), revised(2, '第二版')])
      .when(publish)
      .thenThrows(PlanNotReviewedError, 'PLAN_NOT_REVIEWED');
    plan
      .given([drafted, reviewed(1), published(1)])
      .when(reviewOn('2026-11-23'))
      .thenThrows(IllegalPlanTransitionError, 'ILLEGAL_PLAN_TRANSITION');
  });
  it('a stream published before reviews were recorded stays valid: it is in force and files as before', () => {
    const state = versions(plan.given([drafted, published(1)]).state());
    expect(state).toMatchObject({ status: 'published', inForce: 1 });
    expect(state.versions[1].review).toBeNull();
  });
});

describe('filing within 20 working days (预案办法 第二十六条)', () => {
  // Published 22 November 2026 (Beijing): the 20th working day after it is Friday 18 December.
  const inForce = plan.given([drafted, reviewed(1), published(1)]);
  it('a filing date after today is refused (422 PLAN_DATE_IN_FUTURE)', () => {
    inForce.when(fileOn('2026-11-24')).thenThrows(PlanDateInFutureError, 'PLAN_DATE_IN_FUTURE');
    inForce.when(fileOn('2030-01-01')).thenThrows(PlanDateInFutureError, 'PLAN_DATE_IN_FUTURE');
  });
  it('a filing date before the publication is refused', () => {
    inForce.when(fileOn('2026-11-21')).thenThrows(PlanDateTooEarlyError, 'PLAN_DATE_TOO_EARLY');
  });
  it('a filing within the deadline is on time, one after it is recorded as late', () => {
    const late = command({ type: 'FilePlan', filing: { authority: '厅', filedAt: '2026-12-21' }, calendar, timeZone });
    const onDeadline = command({
      type: 'FilePlan',
      filing: { authority: '厅', filedAt: '2026-12-18' },
      calendar,
      timeZone,
    });
    const later = (c: PlanCommand) => ({ ...c, now: new Date('2026-12-22T02:00:00Z') }) as PlanCommand;
    inForce.when(later(onDeadline)).then([
      expect.objectContaining({
        data: expect.objectContaining({
          filing: expect.objectContaining({ filedOn: '2026-12-18', deadline: '2026-12-18', late: false }),
        }),
      }),
    ]);
    inForce.when(later(late)).then([
      expect.objectContaining({
        data: expect.objectContaining({
          filing: expect.objectContaining({ filedOn: '2026-12-21', deadline: '2026-12-18', late: true }),
        }),
      }),
    ]);
  });
  it('a revised version published again is owed its own filing', () => {
    const state = versions(
      plan.given([drafted, reviewed(1), published(1), filed, revised(2, '第二版'), reviewed(2), published(2)]).state(),
    );
    expect(state.inForce).toBe(2);
    expect(state.versions[2].filing).toBeNull();
    plan
      .given([drafted, reviewed(1), published(1), filed, revised(2, '第二版'), reviewed(2), published(2)])
      .when(file)
      .then([expect.objectContaining({ type: 'PlanFiled', data: expect.objectContaining({ version: 2 }) })]);
  });
});

describe('evaluation (评估)', () => {
  it('is recorded on the version in force, never dated after today or before publication', () => {
    const inForce = plan.given([drafted, reviewed(1), published(1)]);
    const { state } = inForce.when(evaluateOn('2026-11-23')).then([
      {
        type: 'PlanEvaluated',
        data: {
          planId,
          version: 1,
          evaluation: {
            evaluatedOn: '2026-11-23',
            conclusion: 'no_revision',
            summary: '继续有效',
            evaluators: ['预案科'],
            document: null,
            recordedBy: '管理员',
            recordedAt: at,
          },
        },
      },
    ]);
    expect(versions(state).lastEvaluation).toMatchObject({ evaluatedOn: '2026-11-23' });
    inForce.when(evaluateOn('2026-11-24')).thenThrows(PlanDateInFutureError, 'PLAN_DATE_IN_FUTURE');
    inForce.when(evaluateOn('2026-11-21')).thenThrows(PlanDateTooEarlyError, 'PLAN_DATE_TOO_EARLY');
  });
  it('a plan with nothing in force has nothing to evaluate', () => {
    plan
      .given([drafted])
      .when(evaluateOn('2026-11-23'))
      .thenThrows(IllegalPlanTransitionError, 'ILLEGAL_PLAN_TRANSITION');
  });
});
