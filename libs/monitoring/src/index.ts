// 在线监测: the only entry point other code imports (domain code of other contexts: './domain').
export { MonitoringModule, monitoringEntities, monitoringProjections } from './monitoring.module';
export type * from './contract';
export { MqttTransport } from './transport/mqtt/mqtt-transport';
export { MqttCounters } from './transport/mqtt/mqtt-counters';
export { MQTT_TRANSPORT_OPTIONS, mqttOptionsFrom, DEVICE_KEY_PROPERTY } from './transport/mqtt/mqtt-options';
export type { MqttTransportOptions } from './transport/mqtt/mqtt-options';
export { sensorTopic } from './transport/mqtt/topic';
export { mosquittoFiles, mosquittoPasswordHash } from './transport/mqtt/mosquitto-config';
