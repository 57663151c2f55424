import { Module } from '@nestjs/common';
import { AlarmsModule } from '@app/alarms';
import { EnterprisesModule } from '@app/enterprises';
import { PlanRegisterQueries } from '@app/plans';
import { TeamAvailabilityQueries } from '@app/teams';
import { SensorRegister } from '../../read-models/sensors/sensor.queries';
import { AlarmSubjects } from './alarm-subjects';
import { AlarmToIncidentController } from './alarm-to-incident.controller';
import { AlarmToIncidentHandler } from './alarm-to-incident.handler';
import { RegisterAlarmSubjects } from './register-alarm-subjects';

/**
 * 从告警到事故接报: reads across the alarm centre, the registers, plans and teams. Its own module so the monitoring
 * module takes it in with one line; everything here reads (nothing is stored).
 */
@Module({
  imports: [EnterprisesModule, AlarmsModule],
  controllers: [AlarmToIncidentController],
  providers: [
    PlanRegisterQueries,
    TeamAvailabilityQueries,
    SensorRegister,
    { provide: AlarmSubjects, useClass: RegisterAlarmSubjects },
    AlarmToIncidentHandler,
  ],
})
export class AlarmToIncidentModule {}
