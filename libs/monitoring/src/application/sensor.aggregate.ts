import { defineAggregate } from '@app/event-sourcing';
import { nameBasedUuid } from '@app/shared';
import { sensorDecider } from '../domain/sensor/sensor.decider';

/** A sensor (传感器) on a major hazard source: streams `sensor-<id>`; a command's caller next reads the sensor list. */
export const sensorAggregate = defineAggregate({
  category: 'sensor',
  decider: sensorDecider,
  readModels: ['monitoring-sensors'],
  resource: 'monitoring/sensors',
});

/** The namespace of sensor ids (a fixed random uuid: only its stability matters). */
const SENSOR_NAMESPACE = '0b7e4f52-3c1d-4a8e-9f60-7d2c5e1a8b34';

/**
 * A sensor's id from its enterprise and code: the code is unique per enterprise because a second registration of it
 * lands on the same stream, where the decider refuses it (also under a race: the append carries the expected revision).
 */
export function sensorIdOf(enterpriseId: string, code: string): string {
  return nameBasedUuid(`${enterpriseId}|${code}`, SENSOR_NAMESPACE);
}
