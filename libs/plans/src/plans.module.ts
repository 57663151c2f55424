import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IncidentLookup, IncidentsModule } from '@app/incidents';
import type { JurisdictionRegistry } from '@app/shared';
import { ActivatePlanController } from './application/activate-plan/activate-plan.controller';
import { ActivatePlanHandler } from './application/activate-plan/activate-plan.handler';
import { DraftPlanController } from './application/draft-plan/draft-plan.controller';
import { DraftPlanHandler } from './application/draft-plan/draft-plan.handler';
import { FilePlanController } from './application/file-plan/file-plan.controller';
import { FilePlanHandler } from './application/file-plan/file-plan.handler';
import { PlanAnswer } from './application/plan-answer';
import { PlanWriteAccess } from './application/plan-write-access';
import { PublishPlanController } from './application/publish-plan/publish-plan.controller';
import { PublishPlanHandler } from './application/publish-plan/publish-plan.handler';
import { PlanQueriesController } from './application/query-plans/plan-queries.controller';
import { PlanSuggestionsController } from './application/query-plans/plan-suggestions.controller';
import { PlanSuggestionsHandler } from './application/query-plans/plan-suggestions.handler';
import { RecordPlanFindingHandler } from './application/record-plan-finding/record-plan-finding.handler';
import { RecordPlanEvaluationController } from './application/record-plan-evaluation/record-plan-evaluation.controller';
import { RecordPlanEvaluationHandler } from './application/record-plan-evaluation/record-plan-evaluation.handler';
import { RecordPlanReviewController } from './application/record-plan-review/record-plan-review.controller';
import { RecordPlanReviewHandler } from './application/record-plan-review/record-plan-review.handler';
import { WorkingDayCalendars } from './application/working-day-calendars/working-day-calendars';
import { RetirePlanController } from './application/retire-plan/retire-plan.controller';
import { RetirePlanHandler } from './application/retire-plan/retire-plan.handler';
import { RevisePlanController } from './application/revise-plan/revise-plan.controller';
import { RevisePlanHandler } from './application/revise-plan/revise-plan.handler';
import { PlanRow, PlanVersionRow } from './read-models/plan-register/plan-register.entities';
import { PlanRegisterProjection } from './read-models/plan-register/plan-register.projection';
import { PlanRegisterQueries } from './read-models/plan-register/plan-register.queries';
import { PlanSuggestionRow } from './read-models/plan-suggestions/plan-suggestion.entity';
import { PlanSuggestionProjection } from './read-models/plan-suggestions/plan-suggestion.projection';
import { PlanSuggestionQueries } from './read-models/plan-suggestions/plan-suggestion.queries';

/** The read-model tables this context owns (registered with TypeORM by this module, listed for stand-alone tools). */
export const planEntities = [PlanRow, PlanVersionRow, PlanSuggestionRow];

/**
 * Contingency plans (应急预案): register, versions, lifecycle, activation on incidents, suggestions. Needs the
 * CommandExecutor, CLOCK and JURISDICTIONS from the app.
 */
@Module({
  imports: [TypeOrmModule.forFeature(planEntities), CqrsModule, IncidentsModule],
  controllers: [
    DraftPlanController,
    RevisePlanController,
    RecordPlanReviewController,
    PublishPlanController,
    FilePlanController,
    RecordPlanEvaluationController,
    RetirePlanController,
    PlanQueriesController,
    ActivatePlanController,
    PlanSuggestionsController,
  ],
  providers: [
    PlanAnswer,
    PlanWriteAccess,
    WorkingDayCalendars,
    IncidentLookup,
    PlanRegisterQueries,
    PlanSuggestionQueries,
    DraftPlanHandler,
    RevisePlanHandler,
    RecordPlanReviewHandler,
    PublishPlanHandler,
    RecordPlanEvaluationHandler,
    FilePlanHandler,
    RetirePlanHandler,
    RecordPlanFindingHandler,
    ActivatePlanHandler,
    PlanSuggestionsHandler,
  ],
  exports: [PlanRegisterQueries, RecordPlanFindingHandler, WorkingDayCalendars],
})
export class PlansModule {}

export function planProjections(jurisdictions: JurisdictionRegistry) {
  return [new PlanRegisterProjection(), new PlanSuggestionProjection(jurisdictions)];
}
