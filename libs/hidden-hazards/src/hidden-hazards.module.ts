import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlarmsModule } from '@app/alarms';
import { EnterprisesModule } from '@app/enterprises';
import { UserNames } from '@app/identity';
import type { Clock, JurisdictionRegistry } from '@app/shared';
import { CloseHiddenHazardController } from './application/close-hidden-hazard/close-hidden-hazard.controller';
import { CloseHiddenHazardHandler } from './application/close-hidden-hazard/close-hidden-hazard.handler';
import { ExtendHiddenHazardDeadlineController } from './application/extend-hidden-hazard-deadline/extend-hidden-hazard-deadline.controller';
import { ExtendHiddenHazardDeadlineHandler } from './application/extend-hidden-hazard-deadline/extend-hidden-hazard-deadline.handler';
import { HiddenHazardActors } from './application/hidden-hazard-actors';
import { HiddenHazardAnswer } from './application/hidden-hazard-answer';
import { HiddenHazardRunner } from './application/hidden-hazard-runner';
import { HiddenHazardQueriesController } from './application/query-hidden-hazards/hidden-hazard-queries.controller';
import { RecordHiddenHazardController } from './application/record-hidden-hazard/record-hidden-hazard.controller';
import { RecordHiddenHazardHandler } from './application/record-hidden-hazard/record-hidden-hazard.handler';
import { RectifyHiddenHazardController } from './application/rectify-hidden-hazard/rectify-hidden-hazard.controller';
import { RectifyHiddenHazardHandler } from './application/rectify-hidden-hazard/rectify-hidden-hazard.handler';
import { SuperviseHiddenHazardController } from './application/supervise-hidden-hazard/supervise-hidden-hazard.controller';
import { SuperviseHiddenHazardHandler } from './application/supervise-hidden-hazard/supervise-hidden-hazard.handler';
import { VerifyHiddenHazardController } from './application/verify-hidden-hazard/verify-hidden-hazard.controller';
import { VerifyHiddenHazardHandler } from './application/verify-hidden-hazard/verify-hidden-hazard.handler';
import { HiddenHazardOverdueAlarms } from './application/watch-overdue/hidden-hazard-alarms';
import { HiddenHazardOverdueWatch } from './application/watch-overdue/hidden-hazard-overdue-watch.job';
import { HiddenHazardRow } from './read-models/hidden-hazard-register/hidden-hazard-register.entity';
import { HiddenHazardRegisterProjection } from './read-models/hidden-hazard-register/hidden-hazard-register.projection';
import { HiddenHazardRegister } from './read-models/hidden-hazard-register/hidden-hazard-register.queries';

/** The read-model tables this context owns. */
export const hiddenHazardEntities: (new () => object)[] = [HiddenHazardRow];

/**
 * 隐患排查治理 (双重预防机制): hidden hazards found by enterprises or inspectors, graded, rectified by a deadline, supervised by
 * a government level (挂牌督办), verified (验收) and closed (销号); overdue rectification raises an alarm
 * (docs/hidden-hazards.md). Needs the CommandExecutor, CLOCK, JURISDICTIONS and HIDDEN_HAZARD_WATCH_OPTIONS from the app.
 */
@Module({
  imports: [TypeOrmModule.forFeature(hiddenHazardEntities), CqrsModule, EnterprisesModule, AlarmsModule],
  controllers: [
    RecordHiddenHazardController,
    SuperviseHiddenHazardController,
    RectifyHiddenHazardController,
    VerifyHiddenHazardController,
    ExtendHiddenHazardDeadlineController,
    CloseHiddenHazardController,
    HiddenHazardQueriesController,
  ],
  providers: [
    UserNames,
    HiddenHazardRegister,
    HiddenHazardAnswer,
    HiddenHazardActors,
    HiddenHazardRunner,
    HiddenHazardOverdueAlarms,
    HiddenHazardOverdueWatch,
    RecordHiddenHazardHandler,
    SuperviseHiddenHazardHandler,
    RectifyHiddenHazardHandler,
    VerifyHiddenHazardHandler,
    ExtendHiddenHazardDeadlineHandler,
    CloseHiddenHazardHandler,
  ],
  exports: [HiddenHazardRegister, HiddenHazardOverdueWatch],
})
export class HiddenHazardsModule {}

export function hiddenHazardProjections(jurisdictions: JurisdictionRegistry, clock: Clock) {
  return [new HiddenHazardRegisterProjection(jurisdictions, clock)];
}
