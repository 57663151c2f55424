import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IncidentLookup, IncidentsModule } from '@app/incidents';
import { DRILL_PARTICIPATION } from '@app/shared';
import { PlansModule } from '@app/plans';
import { TeamsModule } from '@app/teams';
import { WarehousesModule } from '@app/warehouses';
import { DrillAnswer } from './application/drill-answer';
import { DrillParticipationService } from './application/drill-participation/drill-participation.service';
import { EndDrillController } from './application/end-drill/end-drill.controller';
import { EndDrillHandler } from './application/end-drill/end-drill.handler';
import { ManualInjectController } from './application/inject/manual-inject.controller';
import { ManualInjectHandler } from './application/inject/manual-inject.handler';
import { InjectExecutor } from './application/injects/inject-executor';
import { PlanGovernanceController } from './application/plan-governance/plan-governance.controller';
import { PlanGovernanceHandler } from './application/plan-governance/plan-governance.handler';
import { PlanDrillController } from './application/plan-drill/plan-drill.controller';
import { PlanDrillHandler } from './application/plan-drill/plan-drill.handler';
import { DrillQueriesController } from './application/query-drills/drill-queries.controller';
import { ScenarioQueriesController } from './application/query-scenarios/scenario-queries.controller';
import { RecallTeamController } from './application/recall-team/recall-team.controller';
import { RecallTeamHandler } from './application/recall-team/recall-team.handler';
import { DrillScheduler } from './application/run-scripted-injects/drill.scheduler';
import { SaveScenarioController } from './application/save-scenario/save-scenario.controller';
import { SaveScenarioHandler } from './application/save-scenario/save-scenario.handler';
import { ScenarioAnswer } from './application/scenario-answer';
import { DrillAllocationController } from './application/simulate-allocation/drill-allocation.controller';
import { DrillAllocationHandler } from './application/simulate-allocation/drill-allocation.handler';
import { DrillDispatchController } from './application/simulate-dispatch/drill-dispatch.controller';
import { DrillDispatchHandler } from './application/simulate-dispatch/drill-dispatch.handler';
import { DrillArrivalController } from './application/simulate-arrival/drill-arrival.controller';
import { DrillArrivalHandler } from './application/simulate-arrival/drill-arrival.handler';
import { StartDrillController } from './application/start-drill/start-drill.controller';
import { StartDrillHandler } from './application/start-drill/start-drill.handler';
import { DrillTeamAnswer } from './application/take-team-into-drill/drill-team-answer';
import { TakeTeamIntoDrillController } from './application/take-team-into-drill/take-team-into-drill.controller';
import { TakeTeamIntoDrillHandler } from './application/take-team-into-drill/take-team-into-drill.handler';
import { DrillRow, DrillScenarioRow } from './read-models/drill-register/drill-register.entities';
import { DrillRegisterProjection } from './read-models/drill-register/drill-register.projection';
import { DrillRegisterQueries } from './read-models/drill-register/drill-register.queries';

/**
 * The drill-participation port (libs/shared) for the contexts that store drill data (incidents, warnings) without
 * depending on this one. Global so that they receive it without importing the drills module (which imports them).
 */
@Global()
@Module({
  providers: [DrillParticipationService, { provide: DRILL_PARTICIPATION, useExisting: DrillParticipationService }],
  exports: [DRILL_PARTICIPATION],
})
export class DrillParticipationModule {}

/** The read-model tables this context owns (registered with TypeORM by this module, listed for stand-alone tools). */
export const drillEntities = [DrillRow, DrillScenarioRow];

/**
 * Drills (演练): plans, scripted and scriptless injects, simulated dispatches and allocations, the scenario library,
 * and real teams taken into live drills (released by the drill-teams process when the drill ends). Needs the
 * CommandExecutor, CLOCK, JURISDICTIONS and DRILL_OPTIONS from the app.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(drillEntities),
    CqrsModule,
    IncidentsModule,
    TeamsModule,
    PlansModule,
    WarehousesModule,
    DrillParticipationModule,
  ],
  controllers: [
    PlanDrillController,
    DrillQueriesController,
    PlanGovernanceController,
    StartDrillController,
    EndDrillController,
    ManualInjectController,
    DrillDispatchController,
    DrillArrivalController,
    DrillAllocationController,
    TakeTeamIntoDrillController,
    RecallTeamController,
    SaveScenarioController,
    ScenarioQueriesController,
  ],
  providers: [
    DrillRegisterQueries,
    DrillAnswer,
    ScenarioAnswer,
    DrillTeamAnswer,
    IncidentLookup,
    InjectExecutor,
    DrillScheduler,
    PlanDrillHandler,
    PlanGovernanceHandler,
    StartDrillHandler,
    EndDrillHandler,
    ManualInjectHandler,
    DrillDispatchHandler,
    DrillArrivalHandler,
    DrillAllocationHandler,
    TakeTeamIntoDrillHandler,
    RecallTeamHandler,
    SaveScenarioHandler,
  ],
  exports: [DrillScheduler],
})
export class DrillsModule {}

export function drillProjections() {
  return [new DrillRegisterProjection()];
}
