import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import { planEvents } from './plan.events';
import type { PlanCommand } from './plan.commands';
import { FILING_WORKING_DAYS } from '../governance/plan-governance';
import { addWorkingDays, localDate } from '../governance/working-days';
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
import { evolvePlan, initialPlanState, type PlanState } from './plan.state';

/**
 * Lifecycle (docs/domain.md rules 11 and 11a): draft → reviewed → published → filed → retired. A revision (PUT) is a
 * new draft version while the published one stays in force; it is reviewed and published again, and its filing is
 * owed again. Publishing what is already published changes nothing; everything after retirement is refused. Dates of
 * the record (review, filing, evaluation) are calendar dates of the plan's jurisdiction, never after today.
 */
export function decidePlan(command: PlanCommand, state: PlanState): PlanEvent[] {
  const at = command.now.toISOString();
  if (command.type === 'DraftPlan') {
    if (state.status !== 'none') throw new PlanAlreadyExistsError();
    return [
      {
        type: 'PlanDrafted',
        data: { planId: command.planId, version: 1, content: command.content, draftedBy: command.by, draftedAt: at },
      },
    ];
  }
  if (state.status === 'none') throw new PlanNotFoundError();
  switch (command.type) {
    case 'RevisePlan':
      if (state.status === 'retired') throw new IllegalPlanTransitionError(state.status, '修订');
      if (command.content.jurisdiction !== state.jurisdiction) throw new PlanJurisdictionFixedError(state.jurisdiction);
      return [
        {
          type: 'PlanRevised',
          data: {
            planId: state.planId,
            version: state.latest + 1,
            content: command.content,
            revisedBy: command.by,
            revisedAt: at,
            addressedFindings: [...state.openFindings],
          },
        },
      ];
    case 'RecordPlanReview': {
      // What is reviewed is the newest version before its publication.
      if (state.status !== 'draft' && state.status !== 'reviewed')
        throw new IllegalPlanTransitionError(state.status, '登记评审');
      const today = localDate(command.now, command.timeZone);
      const reviewedOn = localDate(command.review.reviewedOn, command.timeZone);
      if (reviewedOn > today) throw new PlanDateInFutureError('评审', reviewedOn, today);
      const written = localDate(state.versions[state.latest].createdAt, command.timeZone);
      if (reviewedOn < written) throw new PlanDateTooEarlyError('评审', reviewedOn, written, '该版本的编制日期');
      return [
        {
          type: 'PlanReviewed',
          data: {
            planId: state.planId,
            version: state.latest,
            review: { ...command.review, reviewedOn, recordedBy: command.by, recordedAt: at },
          },
        },
      ];
    }
    case 'PublishPlan': {
      if (state.status === 'published' || state.status === 'filed') return [];
      if (state.status !== 'draft' && state.status !== 'reviewed')
        throw new IllegalPlanTransitionError(state.status, '发布');
      const review = state.versions[state.latest].review;
      if (!review) throw new PlanNotReviewedError(state.latest);
      if (review.conclusion === 'failed') throw new PlanReviewNotPassedError(state.latest);
      return [
        {
          type: 'PlanPublished',
          data: { planId: state.planId, version: state.latest, publishedBy: command.by, publishedAt: at },
        },
      ];
    }
    case 'FilePlan': {
      // Filing records the version in force with the authority; a plan never published has nothing to file.
      if (state.status === 'retired' || state.inForce === null)
        throw new IllegalPlanTransitionError(state.status, '备案');
      const inForce = state.versions[state.inForce];
      if (inForce.status === 'filed') throw new IllegalPlanTransitionError('filed', '重复备案');
      const today = localDate(command.now, command.timeZone);
      const filedOn = localDate(command.filing.filedAt, command.timeZone);
      if (filedOn > today) throw new PlanDateInFutureError('备案', filedOn, today);
      const publishedOn = localDate(inForce.publishedAt ?? at, command.timeZone);
      if (filedOn < publishedOn) throw new PlanDateTooEarlyError('备案', filedOn, publishedOn, '现行版本的发布日期');
      // 预案办法 第二十六条: 20 working days from publication; a later filing is accepted and recorded as late.
      const deadline = addWorkingDays(publishedOn, FILING_WORKING_DAYS, command.calendar).date;
      return [
        {
          type: 'PlanFiled',
          data: {
            planId: state.planId,
            version: state.inForce,
            filing: { ...command.filing, filedOn, deadline, late: filedOn > deadline },
            recordedBy: command.by,
            recordedAt: at,
          },
        },
      ];
    }
    case 'RecordPlanEvaluation': {
      if (state.status === 'retired' || state.inForce === null)
        throw new IllegalPlanTransitionError(state.status, '登记评估');
      const today = localDate(command.now, command.timeZone);
      const evaluatedOn = localDate(command.evaluation.evaluatedOn, command.timeZone);
      if (evaluatedOn > today) throw new PlanDateInFutureError('评估', evaluatedOn, today);
      const publishedAt = state.versions[state.inForce].publishedAt;
      const publishedOn = publishedAt ? localDate(publishedAt, command.timeZone) : evaluatedOn;
      if (evaluatedOn < publishedOn)
        throw new PlanDateTooEarlyError('评估', evaluatedOn, publishedOn, '现行版本的发布日期');
      return [
        {
          type: 'PlanEvaluated',
          data: {
            planId: state.planId,
            version: state.inForce,
            evaluation: { ...command.evaluation, evaluatedOn, recordedBy: command.by, recordedAt: at },
          },
        },
      ];
    }
    case 'RetirePlan':
      if (state.status === 'retired') throw new IllegalPlanTransitionError(state.status, '废止');
      return [
        {
          type: 'PlanRetired',
          data: { planId: state.planId, reason: command.reason ?? null, retiredBy: command.by, retiredAt: at },
        },
      ];
    case 'RecordPlanFinding':
      // Findings go to any plan that is not retired: a draft under revision is exactly where they belong.
      if (state.status === 'retired') throw new IllegalPlanTransitionError(state.status, '记录评估发现');
      if (state.openFindings.some((f) => f.findingId === command.finding.findingId)) return [];
      return [
        {
          type: 'PlanFindingRecorded',
          data: { planId: state.planId, finding: { ...command.finding, recordedBy: command.by, recordedAt: at } },
        },
      ];
    default:
      return unknownCase(command);
  }
}

export const planDecider = defineDecider<PlanCommand, PlanEvent, PlanState>({
  events: planEvents,
  initialState: initialPlanState,
  evolve: evolvePlan,
  decide: decidePlan,
  notFound: () => new PlanNotFoundError(),
  scopeOf: (state) => (state.status === 'none' ? {} : { jurisdiction: state.jurisdiction }),
});
