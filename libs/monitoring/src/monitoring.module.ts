import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlarmsModule } from '@app/alarms';
import { DeviceKeys, EnterprisesModule } from '@app/enterprises';
import type { JurisdictionRegistry } from '@app/shared';
import { AlarmToIncidentModule } from './application/alarm-to-incident/alarm-to-incident.module';
import { ChangeThresholdsController } from './application/change-thresholds/change-thresholds.controller';
import { ChangeThresholdsHandler } from './application/change-thresholds/change-thresholds.handler';
import { MonitoringCounters } from './application/ingest-readings/monitoring-counters';
import { ReadingIngest } from './application/ingest-readings/reading-ingest';
import { ReadingsController } from './application/ingest-readings/readings.controller';
import { MonitoringAlarms } from './application/monitoring-alarms';
import { SensorQueriesController } from './application/query-sensors/sensor-queries.controller';
import { RegisterSensorController } from './application/register-sensor/register-sensor.controller';
import { RegisterSensorHandler } from './application/register-sensor/register-sensor.handler';
import { RetireSensorController } from './application/retire-sensor/retire-sensor.controller';
import { RetireSensorHandler } from './application/retire-sensor/retire-sensor.handler';
import { SensorAnswer } from './application/sensor-answer';
import { SensorWatch } from './application/watch-sensors/sensor-watch.job';
import { ReadingStore } from './read-models/readings/reading-store';
import { SensorTrendReader } from './read-models/readings/sensor-trend.reader';
import { OnlineRateReader } from './read-models/sensors/online-rate.reader';
import { SensorLiveRow, SensorRow } from './read-models/sensors/sensor.entities';
import { SensorProjection } from './read-models/sensors/sensor.projection';
import { SensorRegister } from './read-models/sensors/sensor.queries';
import { MqttTransport } from './transport/mqtt/mqtt-transport';
import { DEVICE_KEY_VERIFIER, INGEST_COUNTERS, READING_SINK } from './transport/mqtt/mqtt-options';

/** The read-model tables this context owns (readings are plain time-series tables, written in batches, not here). */
export const monitoringEntities: (new () => object)[] = [SensorRow, SensorLiveRow];

/**
 * 在线监测: sensors on major hazard sources, readings in over MQTT and HTTP as a time series, threshold and offline
 * alarms pushed into the alarm centre, the online rate (docs/monitoring.md). Needs the CommandExecutor, CLOCK,
 * JURISDICTIONS and MONITORING_OPTIONS from the app.
 */
@Module({
  // The enterprise register's own instances (DeviceKeys' cache forgets a revoked key at once on this process) and the
  // alarm centre's door.
  imports: [
    TypeOrmModule.forFeature(monitoringEntities),
    CqrsModule,
    EnterprisesModule,
    AlarmsModule,
    AlarmToIncidentModule,
  ],
  controllers: [
    RegisterSensorController,
    ChangeThresholdsController,
    RetireSensorController,
    SensorQueriesController,
    ReadingsController,
  ],
  providers: [
    SensorRegister,
    SensorAnswer,
    RegisterSensorHandler,
    ChangeThresholdsHandler,
    RetireSensorHandler,
    ReadingStore,
    SensorTrendReader,
    OnlineRateReader,
    MonitoringAlarms,
    MonitoringCounters,
    ReadingIngest,
    SensorWatch,
    // Readings over MQTT (docs/monitoring.md, "MQTT 接入"): the same ingest, device keys and counters as HTTP.
    { provide: READING_SINK, useExisting: ReadingIngest },
    { provide: DEVICE_KEY_VERIFIER, useExisting: DeviceKeys },
    { provide: INGEST_COUNTERS, useExisting: MonitoringCounters },
    MqttTransport,
  ],
  exports: [SensorRegister, ReadingIngest, MonitoringCounters, SensorWatch, MqttTransport],
})
export class MonitoringModule {}

export function monitoringProjections(_jurisdictions: JurisdictionRegistry) {
  return [new SensorProjection()];
}
