// The monitoring context's pure domain: what other contexts' domain code may import (no framework behind it).
export * from './sensor/sensor.types';
export * from './sensor/sensor.events';
export * from './sensor/sensor.commands';
export * from './sensor/sensor.errors';
export { sensorDecider } from './sensor/sensor.decider';
export type { SensorState } from './sensor/sensor.state';
export * from './threshold/threshold-evaluator';
