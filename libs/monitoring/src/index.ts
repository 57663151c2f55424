// 在线监测: the only entry point other code imports (domain code of other contexts: './domain').
export * from './domain';
export { sensorAggregate, sensorIdOf } from './application/sensor.aggregate';
export { MonitoringModule, monitoringEntities, monitoringProjections } from './monitoring.module';
export { SensorRegister } from './read-models/sensors/sensor.queries';
export { ReadingIngest, type IngestDevice, type IncomingReading } from './application/ingest-readings/reading-ingest';
export {
  MonitoringCounters,
  type MonitoringCounts,
  type IngestVia,
} from './application/ingest-readings/monitoring-counters';
export { SensorWatch, type SensorWatchStep } from './application/watch-sensors/sensor-watch.job';
export { MONITORING_OPTIONS, monitoringOptionsOf, type MonitoringOptions } from './application/monitoring-options';
export { bandSourceKey, offlineSourceKey } from './application/monitoring-alarms';
export type * from './contract';
export { MqttTransport } from './transport/mqtt/mqtt-transport';
export { MqttCounters } from './transport/mqtt/mqtt-counters';
export { MQTT_TRANSPORT_OPTIONS, mqttOptionsFrom, DEVICE_KEY_PROPERTY } from './transport/mqtt/mqtt-options';
export type { MqttTransportOptions } from './transport/mqtt/mqtt-options';
export { sensorTopic } from './transport/mqtt/topic';
export { mosquittoFiles, mosquittoPasswordHash } from './transport/mqtt/mosquitto-config';
