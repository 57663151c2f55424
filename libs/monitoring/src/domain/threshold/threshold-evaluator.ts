import type { SensorBand, SensorThresholds } from '../../contract';
import type { AlarmTuning } from '../sensor/sensor.types';

/**
 * Threshold evaluation (docs/monitoring.md, 阈值告警（死区与防抖）): pure, one reading at a time, from the state the
 * previous readings left. Bands are ordered on one axis — 低低报 −2, 低报 −1, 正常 0, 高报 1, 高高报 2 — so that
 * "more severe" and "the way back" are plain comparisons.
 *
 * - A reading is in a band when it reaches its threshold: `value ≥ high` is 高报, `value ≤ low` is 低报 (达到即报警).
 * - Deadband: a band already confirmed is left only when the value came back past its threshold by the deadband
 *   (`value ≤ high − deadband` leaves 高报), so noise around a threshold does not clear and re-raise it.
 * - Debounce: the confirmed band changes only after the readings stayed on the same side of it for
 *   `debounceReadings` consecutive readings (or for `debounceSeconds`, when set); the new band is the least extreme
 *   one all those readings reached. A value that flaps across a threshold never holds long enough: one alarm, or none.
 */

export type BandLevel = -2 | -1 | 0 | 1 | 2;

const LEVEL_OF: Record<SensorBand, BandLevel> = { low_low: -2, low: -1, normal: 0, high: 1, high_high: 2 };
const BAND_OF: Record<BandLevel, SensorBand> = { [-2]: 'low_low', [-1]: 'low', 0: 'normal', 1: 'high', 2: 'high_high' };

export const levelOf = (band: SensorBand): BandLevel => LEVEL_OF[band];
export const bandOf = (level: BandLevel): SensorBand => BAND_OF[level];

/** Readings seen since the confirmed band was last left behind, all on one side of it. */
export interface PendingRun {
  /** +1: above the confirmed band; −1: below it. */
  direction: 1 | -1;
  count: number;
  /** ISO time of the run's first reading. */
  since: string;
  /** The least extreme band the run's readings all reached (what the band becomes when the run holds). */
  reached: SensorBand;
}

/** Persisted per sensor between readings (docs/monitoring.md explains where and how it is locked). */
export interface EvaluationState {
  band: SensorBand;
  run: PendingRun | null;
}

export const INITIAL_EVALUATION: EvaluationState = { band: 'normal', run: null };

export interface ThresholdPolicy {
  thresholds: SensorThresholds;
  /** Absolute, in the sensor's unit. */
  deadband: number;
  debounceReadings: number;
  debounceSeconds: number;
}

/** The deadband a sensor uses: its own, or `defaultPercent` of the span its thresholds cover. */
export function deadbandOf(
  thresholds: SensorThresholds,
  tuning: Pick<AlarmTuning, 'deadband'>,
  defaultPercent: number,
): number {
  if (tuning.deadband !== null) return tuning.deadband;
  const present = [thresholds.lowLow, thresholds.low, thresholds.high, thresholds.highHigh].filter(
    (t): t is number => t !== null,
  );
  if (present.length === 0) return 0;
  // One threshold has no span: the percentage of its own magnitude.
  const span = present.length > 1 ? Math.max(...present) - Math.min(...present) : Math.abs(present[0]!);
  return (span * defaultPercent) / 100;
}

export function policyOf(
  thresholds: SensorThresholds,
  tuning: AlarmTuning,
  defaultDeadbandPercent: number,
): ThresholdPolicy {
  return {
    thresholds,
    deadband: deadbandOf(thresholds, tuning, defaultDeadbandPercent),
    debounceReadings: Math.max(1, tuning.debounceReadings),
    debounceSeconds: Math.max(0, tuning.debounceSeconds),
  };
}

/** The band of a value by the thresholds alone (no history). */
export function rawLevel(value: number, t: SensorThresholds): BandLevel {
  if (t.highHigh !== null && value >= t.highHigh) return 2;
  if (t.high !== null && value >= t.high) return 1;
  if (t.lowLow !== null && value <= t.lowLow) return -2;
  if (t.low !== null && value <= t.low) return -1;
  return 0;
}

/**
 * The band of a value seen from the confirmed band: moving further out is immediate, coming back in keeps each
 * band passed on the way until the value is past its threshold by the deadband.
 */
export function effectiveLevel(value: number, confirmed: BandLevel, policy: ThresholdPolicy): BandLevel {
  const raw = rawLevel(value, policy.thresholds);
  const t = policy.thresholds;
  const db = policy.deadband;
  if (confirmed > 0 && raw < confirmed && raw >= 0) {
    if (confirmed === 2 && t.highHigh !== null && value > t.highHigh - db) return 2;
    if (t.high !== null && value > t.high - db) return 1;
    return raw;
  }
  if (confirmed < 0 && raw > confirmed && raw <= 0) {
    if (confirmed === -2 && t.lowLow !== null && value < t.lowLow + db) return -2;
    if (t.low !== null && value < t.low + db) return -1;
    return raw;
  }
  return raw;
}

export interface Evaluated {
  state: EvaluationState;
  /** Set when the confirmed band changed with this reading. */
  change: { from: SensorBand; to: SensorBand } | null;
}

/** One reading: the next state, and the change of band it confirmed, if any. */
export function evaluateReading(
  state: EvaluationState,
  reading: { value: number; at: string },
  policy: ThresholdPolicy,
): Evaluated {
  const confirmed = levelOf(state.band);
  const level = effectiveLevel(reading.value, confirmed, policy);
  if (level === confirmed) return { state: { band: state.band, run: null }, change: null };
  const direction: 1 | -1 = level > confirmed ? 1 : -1;
  const previous = state.run && state.run.direction === direction ? state.run : null;
  const reached: BandLevel = previous
    ? direction > 0
      ? (Math.min(levelOf(previous.reached), level) as BandLevel)
      : (Math.max(levelOf(previous.reached), level) as BandLevel)
    : level;
  const run: PendingRun = {
    direction,
    count: (previous?.count ?? 0) + 1,
    since: previous?.since ?? reading.at,
    reached: bandOf(reached),
  };
  const heldSeconds = (Date.parse(reading.at) - Date.parse(run.since)) / 1000;
  const holds =
    run.count >= policy.debounceReadings || (policy.debounceSeconds > 0 && heldSeconds >= policy.debounceSeconds);
  if (!holds) return { state: { band: state.band, run }, change: null };
  return { state: { band: run.reached, run: null }, change: { from: state.band, to: run.reached } };
}

/** Many readings in time order; the changes in the order they happened. */
export function evaluateReadings(
  state: EvaluationState,
  readings: readonly { value: number; at: string }[],
  policy: ThresholdPolicy,
): { state: EvaluationState; changes: { from: SensorBand; to: SensorBand; value: number; at: string }[] } {
  let current = state;
  const changes: { from: SensorBand; to: SensorBand; value: number; at: string }[] = [];
  for (const reading of readings) {
    const next = evaluateReading(current, reading, policy);
    current = next.state;
    if (next.change) changes.push({ ...next.change, value: reading.value, at: reading.at });
  }
  return { state: current, changes };
}

/**
 * Which band alarms a change of band opens and ends. One alarm per band (source key `monitoring:<sensor>:<band>`):
 * 高报 stays open while the value went on to 高高报 (both conditions hold; the 高高报 alarm adds the critical one), and
 * is raised when the value comes back from 高高报 to 高报. A value that jumps straight to 高高报 raises only that one.
 * Back to normal ends every band alarm of the sensor.
 */
export function alarmActionsOf(from: SensorBand, to: SensorBand): { raise: SensorBand[]; resolve: SensorBand[] } {
  const keep = new Set<SensorBand>([to]);
  if (to === 'high_high' && from === 'high') keep.add('high');
  if (to === 'low_low' && from === 'low') keep.add('low');
  const mayBeOpen: SensorBand[] = [from];
  if (from === 'high_high') mayBeOpen.push('high');
  if (from === 'low_low') mayBeOpen.push('low');
  return {
    raise: to === 'normal' ? [] : [to],
    resolve: mayBeOpen.filter((b) => b !== 'normal' && !keep.has(b)),
  };
}

/** 高高报 / 低低报 are critical; 高报 / 低报 major. */
export function severityOfBand(band: Exclude<SensorBand, 'normal'>): 'critical' | 'major' {
  return band === 'high_high' || band === 'low_low' ? 'critical' : 'major';
}
