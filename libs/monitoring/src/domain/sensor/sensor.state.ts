import type { SensorThresholds } from '../../contract';
import type { SensorEvent } from './sensor.events';
import type { AlarmTuning } from './sensor.types';

/** What the decider needs to judge a command; plain JSON. */
export type SensorState =
  | { status: 'none' }
  | {
      status: 'active' | 'retired';
      sensorId: string;
      enterpriseId: string;
      code: string;
      jurisdiction: string;
      thresholds: SensorThresholds;
      tuning: AlarmTuning;
    };

export const initialSensorState: SensorState = { status: 'none' };

export function evolveSensor(state: SensorState, event: SensorEvent): SensorState {
  if (event.type === 'SensorRegistered') {
    const d = event.data;
    return {
      status: 'active',
      sensorId: d.sensorId,
      enterpriseId: d.enterpriseId,
      code: d.code,
      jurisdiction: d.jurisdiction,
      thresholds: d.thresholds,
      tuning: d.tuning,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'SensorThresholdsChanged':
      return { ...state, thresholds: event.data.thresholds, tuning: event.data.tuning };
    case 'SensorRetired':
      return { ...state, status: 'retired' };
    default:
      return state;
  }
}
