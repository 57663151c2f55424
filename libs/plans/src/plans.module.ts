import { TypeOrmModule } from '@nestjs/typeorm';
import { PlanRow, PlanVersionRow, PlanSuggestionRow } from './read-models/plan.entities';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { IncidentsModule } from '@app/incidents';
import type { JurisdictionRegistry } from '@app/shared';
import { PlanActivationController } from './application/plan-activation.controller';
import { PlanCommandRunner } from './application/plan-command-runner';
import { PlanMutationsController } from './application/plan-mutations.controller';
import { PlanQueriesController } from './application/plan-queries.controller';
import { PlanRegisterProjection } from './read-models/plan-register.projection';
import { PlanSuggestionProjection } from './read-models/plan-suggestion.projection';

/** The read-model tables this context owns (registered with TypeORM by this module, listed for stand-alone tools). */
export const planEntities = [PlanRow, PlanVersionRow, PlanSuggestionRow];

/** Contingency plans (应急预案): register, versions, lifecycle, activation on incidents, suggestions. */
@Module({
  imports: [TypeOrmModule.forFeature(planEntities), CqrsModule, IncidentsModule],
  controllers: [PlanMutationsController, PlanQueriesController, PlanActivationController],
  providers: [PlanCommandRunner],
})
export class PlansModule {}

export function planProjections(jurisdictions: JurisdictionRegistry) {
  return [new PlanRegisterProjection(), new PlanSuggestionProjection(jurisdictions)];
}
