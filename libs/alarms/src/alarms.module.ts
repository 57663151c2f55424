import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DutyQueries } from '@app/duty';
import { UserNames } from '@app/identity';
import { IncidentLookup } from '@app/incidents';
import { WarehouseStockQueries } from '@app/warehouses';
import { WarningBoardQueries } from '@app/warnings';
import type { JurisdictionRegistry } from '@app/shared';
import { AcknowledgeAlarmController } from './application/acknowledge-alarm/acknowledge-alarm.controller';
import { AcknowledgeAlarmHandler } from './application/acknowledge-alarm/acknowledge-alarm.handler';
import { AlarmAnswer } from './application/alarm-answer';
import { AlarmCentre } from './application/alarm-centre';
import { AlarmQueriesController } from './application/query-alarms/alarm-queries.controller';
import { AlarmWatch } from './application/watch-alarms/alarm-watch.job';
import { AlarmRow } from './read-models/alarms/alarm.entity';
import { AlarmProjection } from './read-models/alarms/alarm.projection';
import { AlarmQueries } from './read-models/alarms/alarm.queries';

/** The read-model tables this context owns. */
export const alarmEntities = [AlarmRow];

/**
 * The alarm centre (告警中心). Needs the CommandExecutor, CLOCK, JURISDICTIONS and ALARM_WATCH_OPTIONS from the app;
 * reads the other contexts only through their public query ports.
 */
@Module({
  imports: [TypeOrmModule.forFeature(alarmEntities), CqrsModule],
  controllers: [AlarmQueriesController, AcknowledgeAlarmController],
  providers: [
    AlarmQueries,
    AlarmAnswer,
    AcknowledgeAlarmHandler,
    UserNames,
    DutyQueries,
    IncidentLookup,
    WarehouseStockQueries,
    WarningBoardQueries,
    AlarmWatch,
    AlarmCentre,
  ],
  exports: [AlarmQueries, AlarmWatch, AlarmCentre],
})
export class AlarmsModule {}

export function alarmProjections(jurisdictions: JurisdictionRegistry) {
  return [new AlarmProjection(jurisdictions)];
}
