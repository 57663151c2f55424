/**
 * What online monitoring (在线监测) shows the outside world: sensors, their state and readings, the online rate and the
 * context of a monitoring alarm. Pure types, shared with the console (`import type` from `@app/monitoring/contract`).
 */
import type { GeoPoint, HazardGrade, HazardSubstanceView } from '@app/enterprises/contract';

/** What a sensor measures; the unit is free text (℃, MPa, %LEL, ppm, m …). */
export type SensorKind = 'level' | 'temperature' | 'pressure' | 'flow' | 'gas_concentration' | 'toxic_gas' | 'other';

/** 高报 / 高高报 / 低报 / 低低报; any may be absent. */
export interface SensorThresholds {
  high: number | null;
  highHigh: number | null;
  low: number | null;
  lowLow: number | null;
}

/** Where the last readings put the sensor. `normal` inside every threshold; the rest name the band crossed. */
export type SensorBand = 'normal' | 'high' | 'high_high' | 'low' | 'low_low';

/** GET /hazard-sources/{id}/sensors, GET /monitoring/sensors/{id}, and the 201 of POST /hazard-sources/{id}/sensors. */
export interface SensorView {
  id: string;
  /** Unique within the enterprise: the last part of the MQTT topic `monitoring/{creditCode}/{sensorCode}`. */
  code: string;
  name: string;
  kind: SensorKind;
  kindLabel: string;
  unit: string;
  thresholds: SensorThresholds;
  /** Seconds between readings the gateway promises; silent for longer (with a grace) is offline. */
  expectedIntervalSeconds: number;
  hazardSourceId: string;
  enterpriseId: string;
  jurisdiction: string;
  lastValue: number | null;
  lastReadingAt: string | null;
  band: SensorBand;
  bandLabel: string;
  online: boolean;
  /** Since when it is offline (null when online or never reported). */
  offlineSince: string | null;
  revision: number;
  /** A retired sensor (停用) keeps its history; its readings are refused. */
  status: 'active' | 'retired';
  retiredAt: string | null;
  /**
   * Alarm tuning (docs/monitoring.md): deadband in the sensor's unit (null: the configured percentage of the
   * threshold span); a new band counts after `debounceReadings` consecutive readings or `debounceSeconds` (0: off).
   */
  tuning: { deadband: number | null; debounceReadings: number; debounceSeconds: number };
}

/** GET /monitoring/sensors/{id}/readings?from=&to= — the trend: raw points for short spans, aggregates for long. */
export interface SensorTrend {
  sensorId: string;
  unit: string;
  thresholds: SensorThresholds;
  resolution: 'raw' | 'minute' | 'hour';
  points: { at: string; value: number; min?: number; max?: number }[];
}

/** POST /monitoring/readings (X-Device-Key) → 202. */
export interface ReadingsAccepted {
  accepted: number;
  rejected: { index: number; reason: string }[];
}

/** GET /monitoring/online-rate?jurisdiction= */
export interface OnlineRateView {
  jurisdiction: string;
  jurisdictionName: string;
  at: string;
  sensors: number;
  online: number;
  /** online / sensors, 0..1 (null when there is no sensor). */
  rate: number | null;
  enterprises: {
    enterpriseId: string;
    enterpriseName: string;
    jurisdiction: string;
    sensors: number;
    online: number;
    rate: number | null;
    offline: {
      sensorId: string;
      code: string;
      name: string;
      offlineSince: string | null;
      /** The hazard source the sensor watches, so the board links to its live panel (optional: added for the console). */
      hazardSourceId?: string;
      hazardSourceName?: string;
    }[];
  }[];
}

/**
 * GET /alarms/{id}/context for a monitoring alarm: what the duty officer needs to judge it (the enterprise, the hazard
 * source, its substances and grade, the sensor and its recent readings, nearby teams and the matching plan).
 */
export interface MonitoringAlarmContext {
  alarmId: string;
  sensor: SensorView;
  enterprise: {
    id: string;
    name: string;
    creditCode: string;
    address: string;
    location: GeoPoint;
    principal: { name: string; phone: string };
  };
  hazardSource: {
    id: string;
    name: string;
    grade: HazardGrade | null;
    gradeLabel: string | null;
    substances: HazardSubstanceView[];
  };
  nearbyTeams: { id: string; name: string; specialtyLabels: string[]; statusLabel: string; distanceKm: number }[];
  matchingPlans: { id: string; name: string; kindLabel: string }[];
}

/** POST /alarms/{id}/open-incident → 200: the intake form's first values (nothing is filed until a person submits). */
export interface IncidentIntakeDraft {
  alarmId: string;
  title: string;
  category: string;
  jurisdiction: string;
  enterpriseId: string;
  enterprise: string;
  location: GeoPoint & { address: string };
  occurredAt: string;
  description: string;
}
