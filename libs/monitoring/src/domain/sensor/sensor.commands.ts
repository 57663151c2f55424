import type { SensorKind, SensorThresholds } from '../../contract';
import type { AlarmTuning } from './sensor.types';

export interface RegisterSensor {
  type: 'RegisterSensor';
  sensorId: string;
  enterpriseId: string;
  hazardSourceId: string;
  jurisdiction: string;
  code: string;
  name: string;
  kind: SensorKind;
  unit: string;
  thresholds: SensorThresholds;
  expectedIntervalSeconds: number;
  tuning: AlarmTuning;
  now: Date;
}

export interface ChangeThresholds {
  type: 'ChangeThresholds';
  thresholds: SensorThresholds;
  /** Fields left out keep their value. */
  tuning: Partial<AlarmTuning>;
  now: Date;
}

export interface RetireSensor {
  type: 'RetireSensor';
  reason: string;
  now: Date;
}

export type SensorCommand = RegisterSensor | ChangeThresholds | RetireSensor;
