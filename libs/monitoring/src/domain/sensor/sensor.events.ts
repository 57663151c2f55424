import { EventRegistry } from '@app/event-sourcing/events';
import type { SensorKind, SensorThresholds } from '../../contract';
import type { AlarmTuning } from './sensor.types';

/** 登记传感器: on a hazard source of an enterprise; its jurisdiction is the hazard source's. */
export interface SensorRegistered {
  type: 'SensorRegistered';
  data: {
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
    registeredAt: string;
  };
}

/** 阈值变更 (with the alarm tuning that goes with them). */
export interface SensorThresholdsChanged {
  type: 'SensorThresholdsChanged';
  data: {
    sensorId: string;
    previous: SensorThresholds;
    thresholds: SensorThresholds;
    tuning: AlarmTuning;
    changedAt: string;
  };
}

/** 停用: its readings are no longer accepted and its open alarms end. */
export interface SensorRetired {
  type: 'SensorRetired';
  data: { sensorId: string; reason: string; retiredAt: string };
}

export type SensorEvent = SensorRegistered | SensorThresholdsChanged | SensorRetired;

export const sensorEvents = EventRegistry.of<SensorEvent>({
  SensorRegistered: {},
  SensorThresholdsChanged: {},
  SensorRetired: {},
});
