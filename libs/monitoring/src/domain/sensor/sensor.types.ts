import type { SensorBand, SensorKind, SensorThresholds } from '../../contract';

export const SENSOR_KINDS: readonly SensorKind[] = [
  'level',
  'temperature',
  'pressure',
  'flow',
  'gas_concentration',
  'toxic_gas',
  'other',
];

export const SENSOR_KIND_LABELS: Record<SensorKind, string> = {
  level: '液位',
  temperature: '温度',
  pressure: '压力',
  flow: '流量',
  gas_concentration: '可燃气体浓度',
  toxic_gas: '有毒气体浓度',
  other: '其他',
};

export const SENSOR_BAND_LABELS: Record<SensorBand, string> = {
  normal: '正常',
  high: '高报',
  high_high: '高高报',
  low: '低报',
  low_low: '低低报',
};

/**
 * How a sensor's alarms are tuned (docs/monitoring.md, 阈值告警): `deadband` in the sensor's unit (null: the default
 * percentage of the threshold span), and the debounce — a new band counts once it held for `debounceReadings`
 * consecutive readings, or for `debounceSeconds` (0: by count only).
 */
export interface AlarmTuning {
  deadband: number | null;
  debounceReadings: number;
  debounceSeconds: number;
}

export const DEFAULT_DEBOUNCE_READINGS = 2;
export const MAX_DEBOUNCE_READINGS = 20;

/** Labels of the thresholds in the order they must keep, lowest first. */
const ORDER: { key: keyof SensorThresholds; label: string }[] = [
  { key: 'lowLow', label: '低低报' },
  { key: 'low', label: '低报' },
  { key: 'high', label: '高报' },
  { key: 'highHigh', label: '高高报' },
];

/**
 * The pairs of present thresholds that break `lowLow < low < high < highHigh`, in words (empty when ordered). Absent
 * thresholds are skipped: a sensor with only 高报 and 高高报 is fine, and so is one with none.
 */
export function thresholdDisorder(thresholds: SensorThresholds): string[] {
  const present = ORDER.filter((o) => thresholds[o.key] !== null);
  const problems: string[] = [];
  for (let i = 1; i < present.length; i++) {
    const lower = present[i - 1]!;
    const upper = present[i]!;
    if (!(thresholds[lower.key]! < thresholds[upper.key]!)) {
      problems.push(`${lower.label}（${thresholds[lower.key]}）须小于${upper.label}（${thresholds[upper.key]}）`);
    }
  }
  return problems;
}

/** Non-finite numbers are never thresholds (NaN would silently never alarm). */
export function nonFiniteThresholds(thresholds: SensorThresholds): string[] {
  return ORDER.filter((o) => thresholds[o.key] !== null && !Number.isFinite(thresholds[o.key])).map((o) => o.label);
}

/** Whether at least one threshold is set. */
export function hasThreshold(thresholds: SensorThresholds): boolean {
  return ORDER.some((o) => thresholds[o.key] !== null);
}

/**
 * The narrowest gap between neighbouring present thresholds, in words with its size (null with fewer than two). A
 * deadband must stay below it, or leaving the upper band would need the value to cross the lower threshold too.
 */
export function narrowestThresholdGap(thresholds: SensorThresholds): { size: number; words: string } | null {
  const present = ORDER.filter((o) => thresholds[o.key] !== null);
  let narrowest: { size: number; words: string } | null = null;
  for (let i = 1; i < present.length; i++) {
    const lower = present[i - 1]!;
    const upper = present[i]!;
    const size = thresholds[upper.key]! - thresholds[lower.key]!;
    if (!narrowest || size < narrowest.size)
      narrowest = {
        size,
        words: `${upper.label}（${thresholds[upper.key]}）与${lower.label}（${thresholds[lower.key]}）相差 ${size}`,
      };
  }
  return narrowest;
}
