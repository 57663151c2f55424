import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { HazardSourceRegister } from '@app/enterprises';
import { NotFoundError } from '@app/shared';
import { HazardSourceRetiredError } from '../../domain/sensor/sensor.errors';
import { DEFAULT_DEBOUNCE_READINGS, SENSOR_KIND_LABELS } from '../../domain/sensor/sensor.types';
import { sensorAggregate, sensorIdOf } from '../sensor.aggregate';
import { SensorAnswer, type SensorCommandResponse } from '../sensor-answer';
import { thresholdsOf } from '../thresholds.request';
import type { RegisterSensorRequest } from './register-sensor.request';

export const DEFAULT_EXPECTED_INTERVAL_SECONDS = 30;

/**
 * 登记传感器 on a hazard source the actor can see; the sensor takes the hazard source's enterprise and jurisdiction.
 * Its id comes from the enterprise and the code, which makes the code unique per enterprise (sensor.aggregate.ts).
 */
@Injectable()
export class RegisterSensorHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly hazardSources: HazardSourceRegister,
    private readonly answer: SensorAnswer,
  ) {}

  async handle(
    hazardSourceId: string,
    request: RegisterSensorRequest,
    context: CommandContext,
  ): Promise<SensorCommandResponse> {
    const source = await this.hazardSources.find(hazardSourceId);
    if (!source || (context.visibleJurisdictions && !context.visibleJurisdictions.includes(source.jurisdiction))) {
      throw new NotFoundError('HAZARD_SOURCE', '重大危险源', hazardSourceId);
    }
    if (source.retiredAt) throw new HazardSourceRetiredError();
    const id = sensorIdOf(source.enterpriseId, request.code);
    const command = {
      type: 'RegisterSensor',
      sensorId: id,
      enterpriseId: source.enterpriseId,
      hazardSourceId: source.id,
      jurisdiction: source.jurisdiction,
      code: request.code,
      name: request.name?.trim() || `${SENSOR_KIND_LABELS[request.kind]} ${request.code}`,
      kind: request.kind,
      unit: request.unit,
      thresholds: thresholdsOf(request.thresholds),
      expectedIntervalSeconds: request.expectedIntervalSeconds ?? DEFAULT_EXPECTED_INTERVAL_SECONDS,
      tuning: {
        deadband: request.deadband ?? null,
        debounceReadings: request.debounceReadings ?? DEFAULT_DEBOUNCE_READINGS,
        debounceSeconds: request.debounceSeconds ?? 0,
      },
      now: this.executor.now(),
    } as const;
    return this.answer.of(
      await this.executor.execute(sensorAggregate, id, command, { ...context, jurisdiction: source.jurisdiction }),
    );
  }
}
