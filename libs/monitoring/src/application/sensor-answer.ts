import { Injectable } from '@nestjs/common';
import { commandAnswer, type CommandAnswer, type Executed } from '@app/event-sourcing';
import type { SensorView } from '../contract';
import type { SensorEvent } from '../domain/sensor/sensor.events';
import { SensorRegister } from '../read-models/sensors/sensor.queries';

export type SensorCommandResponse = Partial<Omit<SensorView, 'revision'>> & CommandAnswer;

/** Every sensor command answers with the sensor as the register now shows it, plus what the write did. */
@Injectable()
export class SensorAnswer {
  constructor(private readonly sensors: SensorRegister) {}

  async of(executed: Executed<unknown, SensorEvent>): Promise<SensorCommandResponse> {
    const view = await this.sensors.find(executed.id);
    return { ...(view ?? {}), ...commandAnswer(executed) };
  }
}
