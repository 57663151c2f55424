import { Injectable } from '@nestjs/common';
import { EnterpriseRegister, HazardSourceRegister } from '@app/enterprises';
import type { EnterpriseView, HazardSourceView } from '@app/enterprises/contract';
import type { SensorView } from '../../contract';
import { SensorRegister } from '../../read-models/sensors/sensor.queries';
import { AlarmSubjects } from './alarm-subjects';

/** The alarm's chain read from the registers themselves (unscoped: the alarm was already found in the actor's scope). */
@Injectable()
export class RegisterAlarmSubjects extends AlarmSubjects {
  constructor(
    private readonly sensors: SensorRegister,
    private readonly hazardSources: HazardSourceRegister,
    private readonly enterprises: EnterpriseRegister,
  ) {
    super();
  }

  sensor(id: string): Promise<SensorView | null> {
    return this.sensors.find(id);
  }

  hazardSource(id: string): Promise<HazardSourceView | null> {
    return this.hazardSources.find(id);
  }

  enterprise(id: string): Promise<EnterpriseView | null> {
    return this.enterprises.find(id);
  }
}
