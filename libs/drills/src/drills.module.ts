import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { IncidentsModule } from '@app/incidents';
import { DrillCommandRunner } from './application/drill-command-runner';
import { DrillScheduler } from './application/drill.scheduler';
import { DrillsController } from './application/drills.controller';
import { DrillTeamsController } from './application/drill-teams.controller';
import { InjectExecutor } from './application/inject-executor';
import { ScenariosController } from './application/scenarios.controller';
import { DrillRegisterProjection } from './read-models/drill-register.projection';

/**
 * Drills (演练): plans, scripted and scriptless injects, simulated dispatches and allocations, the scenario library,
 * and real teams taken into live drills (released by DrillTeamsProcessManager when the drill ends).
 */
@Module({
  imports: [CqrsModule, IncidentsModule],
  controllers: [DrillsController, DrillTeamsController, ScenariosController],
  providers: [DrillCommandRunner, InjectExecutor, DrillScheduler],
  exports: [DrillScheduler],
})
export class DrillsModule {}

export function drillProjections() {
  return [new DrillRegisterProjection()];
}
