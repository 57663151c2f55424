import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import type { AlarmTuning } from '../../domain/sensor/sensor.types';
import { sensorAggregate } from '../sensor.aggregate';
import { SensorAnswer, type SensorCommandResponse } from '../sensor-answer';
import { thresholdsOf } from '../thresholds.request';
import type { ChangeThresholdsRequest } from './change-thresholds.request';

/**
 * 阈值变更, with the revision the caller saw (If-Match): thresholds are safety settings, a change made on a stale
 * screen is refused rather than silently overwriting someone else's. The next reading is judged by the new values.
 */
@Injectable()
export class ChangeThresholdsHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: SensorAnswer,
  ) {}

  async handle(id: string, request: ChangeThresholdsRequest, context: CommandContext): Promise<SensorCommandResponse> {
    const tuning: Partial<AlarmTuning> = {
      ...(request.deadband !== undefined ? { deadband: request.deadband } : {}),
      ...(request.debounceReadings !== undefined ? { debounceReadings: request.debounceReadings } : {}),
      ...(request.debounceSeconds !== undefined ? { debounceSeconds: request.debounceSeconds } : {}),
    };
    const command = {
      type: 'ChangeThresholds',
      thresholds: thresholdsOf(request.thresholds),
      tuning,
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(sensorAggregate, id, command, context));
  }
}
