import { Injectable, Logger } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { sensorAggregate } from '../sensor.aggregate';
import { ReadingIngest } from '../ingest-readings/reading-ingest';
import { MonitoringAlarms } from '../monitoring-alarms';
import { SensorAnswer, type SensorCommandResponse } from '../sensor-answer';
import type { RetireSensorRequest } from './retire-sensor.request';

/** 停用传感器: its readings are refused from then on, and every alarm it has open ends (`sensor_removed`). */
@Injectable()
export class RetireSensorHandler {
  private readonly logger = new Logger('RetireSensor');

  constructor(
    private readonly executor: CommandExecutor,
    private readonly alarms: MonitoringAlarms,
    private readonly answer: SensorAnswer,
    private readonly ingest: ReadingIngest,
  ) {}

  async handle(id: string, request: RetireSensorRequest, context: CommandContext): Promise<SensorCommandResponse> {
    const now = this.executor.now();
    const executed = await this.executor.execute(
      sensorAggregate,
      id,
      { type: 'RetireSensor', reason: request.reason.trim(), now },
      context,
    );
    const answer = await this.answer.of(executed);
    if (answer.enterpriseId && answer.code) this.ingest.forget(answer.enterpriseId, answer.code);
    if (answer.jurisdiction) {
      // The retirement stands even if an alarm cannot be ended now; a retry of the request ends them (idempotent).
      await this.alarms
        .removed({ id, jurisdiction: answer.jurisdiction }, now)
        .catch((error: unknown) => this.logger.warn(`alarms of sensor ${id} not ended: ${String(error)}`));
    }
    return answer;
  }
}
