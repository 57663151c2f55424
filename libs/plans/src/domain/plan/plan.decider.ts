import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import { planEvents } from './plan.events';
import type { PlanCommand } from './plan.commands';
import {
  IllegalPlanTransitionError,
  PlanAlreadyExistsError,
  PlanJurisdictionFixedError,
  PlanNotFoundError,
} from './plan.errors';
import type { PlanEvent } from './plan.events';
import { evolvePlan, initialPlanState, type PlanState } from './plan.state';

/**
 * Lifecycle (docs/domain.md rule 11): draft → published → filed → retired. A revision (PUT) is a new draft version while
 * the published one stays in force; publishing it supersedes the old one. Publishing what is already published
 * changes nothing; everything after retirement is refused.
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
    case 'PublishPlan':
      if (state.status === 'published' || state.status === 'filed') return [];
      if (state.status !== 'draft') throw new IllegalPlanTransitionError(state.status, '发布');
      return [
        {
          type: 'PlanPublished',
          data: { planId: state.planId, version: state.latest, publishedBy: command.by, publishedAt: at },
        },
      ];
    case 'FilePlan': {
      // Filing records the version in force with the authority; a plan never published has nothing to file.
      if (state.status === 'retired' || state.inForce === null)
        throw new IllegalPlanTransitionError(state.status, '备案');
      if (state.versions[state.inForce].status === 'filed') throw new IllegalPlanTransitionError('filed', '重复备案');
      return [
        {
          type: 'PlanFiled',
          data: {
            planId: state.planId,
            version: state.inForce,
            filing: command.filing,
            recordedBy: command.by,
            recordedAt: at,
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
