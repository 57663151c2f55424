import type { SensorBand, SensorThresholds } from '../../contract';
import {
  alarmActionsOf,
  deadbandOf,
  effectiveLevel,
  evaluateReadings,
  INITIAL_EVALUATION,
  rawLevel,
  severityOfBand,
  type ThresholdPolicy,
} from './threshold-evaluator';

const T: SensorThresholds = { lowLow: 10, low: 20, high: 80, highHigh: 90 };
const policy = (over: Partial<ThresholdPolicy> = {}): ThresholdPolicy => ({
  thresholds: T,
  deadband: 2,
  debounceReadings: 2,
  debounceSeconds: 0,
  ...over,
});

/** Readings one second apart from a fixed start. */
const series = (values: number[]) =>
  values.map((value, i) => ({ value, at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() }));

const bandsAfter = (values: number[], p = policy()) => evaluateReadings(INITIAL_EVALUATION, series(values), p);

describe('threshold bands', () => {
  it('a value exactly at a threshold is in its band (达到即报警)', () => {
    expect(rawLevel(80, T)).toBe(1);
    expect(rawLevel(79.999, T)).toBe(0);
    expect(rawLevel(90, T)).toBe(2);
    expect(rawLevel(20, T)).toBe(-1);
    expect(rawLevel(20.001, T)).toBe(0);
    expect(rawLevel(10, T)).toBe(-2);
  });

  it('missing thresholds are simply not crossed', () => {
    const onlyHighHigh: SensorThresholds = { lowLow: null, low: null, high: null, highHigh: 50 };
    expect(rawLevel(49, onlyHighHigh)).toBe(0);
    expect(rawLevel(50, onlyHighHigh)).toBe(2);
    expect(rawLevel(-1e9, onlyHighHigh)).toBe(0);
    const none: SensorThresholds = { lowLow: null, low: null, high: null, highHigh: null };
    expect(bandsAfter([1e9, 1e9, -1e9, -1e9], policy({ thresholds: none })).changes).toEqual([]);
  });

  it('the default deadband is a percentage of the threshold span, or of a lone threshold', () => {
    expect(deadbandOf(T, { deadband: null }, 2)).toBeCloseTo(1.6);
    expect(deadbandOf({ lowLow: null, low: null, high: 25, highHigh: null }, { deadband: null }, 4)).toBeCloseTo(1);
    expect(deadbandOf(T, { deadband: 0.5 }, 2)).toBe(0.5);
    expect(deadbandOf({ lowLow: null, low: null, high: null, highHigh: null }, { deadband: null }, 2)).toBe(0);
  });
});

describe('deadband', () => {
  it('a confirmed high band holds inside the deadband and clears at threshold − deadband', () => {
    expect(effectiveLevel(78.01, 1, policy())).toBe(1);
    expect(effectiveLevel(78, 1, policy())).toBe(0);
    // Coming from normal, the deadband does not apply: 79 is normal.
    expect(effectiveLevel(79, 0, policy())).toBe(0);
  });

  it('from 高高报 the way down keeps 高高报 inside its deadband, then 高报 inside the high deadband', () => {
    expect(effectiveLevel(88.5, 2, policy())).toBe(2);
    expect(effectiveLevel(88, 2, policy())).toBe(1);
    expect(effectiveLevel(78.5, 2, policy())).toBe(1);
    expect(effectiveLevel(78, 2, policy())).toBe(0);
  });

  it('the low side mirrors it', () => {
    expect(effectiveLevel(21.9, -1, policy())).toBe(-1);
    expect(effectiveLevel(22, -1, policy())).toBe(0);
    expect(effectiveLevel(11.5, -2, policy())).toBe(-2);
    expect(effectiveLevel(12, -2, policy())).toBe(-1);
  });

  it('values dithering inside the deadband after an alarm never clear it', () => {
    const { state, changes } = bandsAfter([85, 85, 79, 79.5, 78.5, 79, 78.2]);
    expect(changes).toEqual([expect.objectContaining({ from: 'normal', to: 'high' })]);
    expect(state.band).toBe('high');
  });
});

describe('debounce', () => {
  it('needs the configured count of consecutive readings in the band', () => {
    expect(bandsAfter([85]).changes).toEqual([]);
    expect(bandsAfter([85, 85]).changes.map((c) => c.to)).toEqual(['high']);
    const three = policy({ debounceReadings: 3 });
    expect(bandsAfter([85, 85], three).changes).toEqual([]);
    expect(bandsAfter([85, 85, 85], three).changes.map((c) => c.to)).toEqual(['high']);
    expect(bandsAfter([85, 85, 50, 85, 85], three).changes).toEqual([]);
  });

  it('or the configured seconds, whichever comes first', () => {
    const timed = policy({ debounceReadings: 10, debounceSeconds: 3 });
    expect(bandsAfter([85, 85, 85], timed).changes).toEqual([]); // 0 s, 1 s, 2 s
    expect(bandsAfter([85, 85, 85, 85], timed).changes.map((c) => c.at)).toEqual([series([0, 0, 0, 0])[3]!.at]);
  });

  it('debounce 1 confirms on the first reading', () => {
    expect(bandsAfter([95], policy({ debounceReadings: 1 })).changes.map((c) => c.to)).toEqual(['high_high']);
  });

  it('a flapping sensor raises one alarm and clears once', () => {
    const flapping = [79, 81, 79, 81, 79, 81, 81, 79, 81, 79.5, 81, 79, 81, 77, 77];
    const { changes } = bandsAfter(flapping);
    expect(changes.map((c) => `${c.from}>${c.to}`)).toEqual(['normal>high', 'high>normal']);
  });

  it('a value flapping across the threshold every reading never alarms', () => {
    expect(bandsAfter([79, 81, 79, 81, 79, 81, 79, 81]).changes).toEqual([]);
  });

  it('clearing is debounced too', () => {
    const { changes } = bandsAfter([85, 85, 70, 85, 70, 70]);
    expect(changes.map((c) => c.to)).toEqual(['high', 'normal']);
  });
});

describe('bands in sequence', () => {
  it('jumping straight to 高高报 confirms 高高报 without passing 高报', () => {
    expect(bandsAfter([50, 95, 96]).changes.map((c) => `${c.from}>${c.to}`)).toEqual(['normal>high_high']);
  });

  it('rising through 高报 into 高高报 confirms the band all readings reached, then the higher one', () => {
    const { changes } = bandsAfter([85, 95, 95, 95]);
    expect(changes.map((c) => c.to)).toEqual(['high', 'high_high']);
  });

  it('alternating between 高报 and 高高报 is at least 高报, never normal', () => {
    const { changes, state } = bandsAfter([85, 95, 85, 95, 85]);
    expect(changes.map((c) => c.to)).toEqual(['high']);
    expect(state.band).toBe('high');
  });

  it('falling from 高高报 to the low side in one go', () => {
    const { changes } = bandsAfter([95, 95, 5, 5]);
    expect(changes.map((c) => `${c.from}>${c.to}`)).toEqual(['normal>high_high', 'high_high>low_low']);
  });
});

describe('alarm actions of a change', () => {
  const actions = (from: SensorBand, to: SensorBand) => alarmActionsOf(from, to);

  it('raises the new band and ends the old one', () => {
    expect(actions('normal', 'high')).toEqual({ raise: ['high'], resolve: [] });
    expect(actions('high', 'normal')).toEqual({ raise: [], resolve: ['high'] });
    expect(actions('high', 'low')).toEqual({ raise: ['low'], resolve: ['high'] });
  });

  it('高报 stays open under 高高报 and everything ends at normal', () => {
    expect(actions('high', 'high_high')).toEqual({ raise: ['high_high'], resolve: [] });
    expect(actions('high_high', 'high')).toEqual({ raise: ['high'], resolve: ['high_high'] });
    expect(actions('high_high', 'normal')).toEqual({ raise: [], resolve: ['high_high', 'high'] });
    expect(actions('low_low', 'normal')).toEqual({ raise: [], resolve: ['low_low', 'low'] });
    expect(actions('low', 'low_low')).toEqual({ raise: ['low_low'], resolve: [] });
  });

  it('critical for 高高报 and 低低报, major for 高报 and 低报', () => {
    expect(severityOfBand('high_high')).toBe('critical');
    expect(severityOfBand('low_low')).toBe('critical');
    expect(severityOfBand('high')).toBe('major');
    expect(severityOfBand('low')).toBe('major');
  });
});
