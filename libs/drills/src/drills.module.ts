import { TypeOrmModule } from '@nestjs/typeorm';
import { DrillRow, DrillScenarioRow } from './read-models/drill.entities';
import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { IncidentsModule } from '@app/incidents';
import { DRILL_PARTICIPATION } from '@app/shared';
import { DrillCommandRunner } from './application/drill-command-runner';
import { DrillParticipationService } from './application/drill-participation.service';
import { DrillScheduler } from './application/drill.scheduler';
import { DrillsController } from './application/drills.controller';
import { DrillTeamsController } from './application/drill-teams.controller';
import { InjectExecutor } from './application/inject-executor';
import { ScenariosController } from './application/scenarios.controller';
import { DrillRegisterProjection } from './read-models/drill-register.projection';

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
 * and real teams taken into live drills (released by DrillTeamsProcessManager when the drill ends).
 */
@Module({
  imports: [TypeOrmModule.forFeature(drillEntities), CqrsModule, IncidentsModule, DrillParticipationModule],
  controllers: [DrillsController, DrillTeamsController, ScenariosController],
  providers: [DrillCommandRunner, InjectExecutor, DrillScheduler],
  exports: [DrillScheduler],
})
export class DrillsModule {}

export function drillProjections() {
  return [new DrillRegisterProjection()];
}
