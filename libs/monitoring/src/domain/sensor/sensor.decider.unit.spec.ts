import { DomainError } from '@app/shared';
import type { SensorThresholds } from '../../contract';
import { decideSensor } from './sensor.decider';
import type { RegisterSensor } from './sensor.commands';
import { evolveSensor, initialSensorState, type SensorState } from './sensor.state';
import { thresholdDisorder } from './sensor.types';

const now = new Date('2026-12-06T08:00:00Z');
const register = (thresholds: Partial<SensorThresholds> = {}): RegisterSensor => ({
  type: 'RegisterSensor',
  sensorId: 's-1',
  enterpriseId: 'e-1',
  hazardSourceId: 'h-1',
  jurisdiction: '640502',
  code: 'LT-101',
  name: '液氨储罐液位',
  kind: 'level',
  unit: 'm',
  thresholds: { lowLow: null, low: null, high: null, highHigh: null, ...thresholds },
  expectedIntervalSeconds: 10,
  tuning: { deadband: null, debounceReadings: 2, debounceSeconds: 0 },
  now,
});

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
  return undefined;
};

const registered = (): SensorState =>
  decideSensor(register({ high: 8, highHigh: 9 }), initialSensorState).reduce(evolveSensor, initialSensorState);

describe('sensor thresholds order', () => {
  it('accepts any ordered subset', () => {
    expect(thresholdDisorder({ lowLow: 1, low: 2, high: 3, highHigh: 4 })).toEqual([]);
    expect(thresholdDisorder({ lowLow: null, low: null, high: 3, highHigh: 4 })).toEqual([]);
    expect(thresholdDisorder({ lowLow: -5, low: null, high: null, highHigh: 4 })).toEqual([]);
    expect(thresholdDisorder({ lowLow: null, low: null, high: null, highHigh: null })).toEqual([]);
  });

  it('names each pair out of order, equal counting as out of order', () => {
    expect(thresholdDisorder({ lowLow: null, low: null, high: 5, highHigh: 5 })).toEqual([
      '高报（5）须小于高高报（5）',
    ]);
    expect(thresholdDisorder({ lowLow: 3, low: 2, high: 1, highHigh: 4 })).toHaveLength(2);
    // Gaps are skipped: 低低报 is compared with 高报 when 低报 is absent.
    expect(thresholdDisorder({ lowLow: 9, low: null, high: 8, highHigh: null })).toEqual([
      '低低报（9）须小于高报（8）',
    ]);
  });
});

describe('sensor decider', () => {
  it('registers with ordered thresholds', () => {
    const [event] = decideSensor(register({ low: 1, high: 8, highHigh: 9 }), initialSensorState);
    expect(event).toMatchObject({
      type: 'SensorRegistered',
      data: { code: 'LT-101', registeredAt: now.toISOString() },
    });
  });

  it('refuses disordered or non-finite thresholds, and a negative deadband', () => {
    expect(codeOf(() => decideSensor(register({ high: 9, highHigh: 8 }), initialSensorState))).toBe(
      'SENSOR_THRESHOLDS_DISORDERED',
    );
    expect(codeOf(() => decideSensor(register({ high: Number.NaN }), initialSensorState))).toBe(
      'SENSOR_THRESHOLDS_INVALID',
    );
    const negative = { ...register({ high: 8 }), tuning: { deadband: -1, debounceReadings: 2, debounceSeconds: 0 } };
    expect(codeOf(() => decideSensor(negative, initialSensorState))).toBe('SENSOR_DEADBAND_INVALID');
  });

  it('refuses a sensor without any threshold, on registration and on a change', () => {
    expect(codeOf(() => decideSensor(register(), initialSensorState))).toBe('SENSOR_THRESHOLDS_MISSING');
    const none = { lowLow: null, low: null, high: null, highHigh: null };
    expect(
      codeOf(() => decideSensor({ type: 'ChangeThresholds', thresholds: none, tuning: {}, now }, registered())),
    ).toBe('SENSOR_THRESHOLDS_MISSING');
  });

  it('refuses a deadband not smaller than the narrowest gap between neighbouring thresholds', () => {
    const withDeadband = (deadband: number) => ({
      ...register({ low: 1, high: 8, highHigh: 9 }),
      tuning: { deadband, debounceReadings: 2, debounceSeconds: 0 },
    });
    expect(decideSensor(withDeadband(0.99), initialSensorState)).toHaveLength(1);
    expect(codeOf(() => decideSensor(withDeadband(1), initialSensorState))).toBe('SENSOR_DEADBAND_TOO_WIDE');
    expect(codeOf(() => decideSensor(withDeadband(100), initialSensorState))).toBe('SENSOR_DEADBAND_TOO_WIDE');
    // A single threshold has no neighbour: any deadband is fine.
    const single = { ...register({ high: 8 }), tuning: { deadband: 100, debounceReadings: 2, debounceSeconds: 0 } };
    expect(decideSensor(single, initialSensorState)).toHaveLength(1);
    // A change narrowing the thresholds under the deadband already set is refused too.
    const tuned = decideSensor(
      { ...register({ high: 8, highHigh: 9 }), tuning: { deadband: 0.5, debounceReadings: 2, debounceSeconds: 0 } },
      initialSensorState,
    ).reduce(evolveSensor, initialSensorState);
    expect(
      codeOf(() =>
        decideSensor(
          {
            type: 'ChangeThresholds',
            thresholds: { lowLow: null, low: null, high: 8, highHigh: 8.3 },
            tuning: {},
            now,
          },
          tuned,
        ),
      ),
    ).toBe('SENSOR_DEADBAND_TOO_WIDE');
  });

  it('refuses the same code twice (the same stream)', () => {
    expect(codeOf(() => decideSensor(register(), registered()))).toBe('SENSOR_CODE_TAKEN');
  });

  it('changes thresholds, ignores a change to the same values, and refuses disorder', () => {
    const state = registered();
    const change = (thresholds: SensorThresholds) =>
      decideSensor({ type: 'ChangeThresholds', thresholds, tuning: {}, now }, state);
    expect(change({ lowLow: null, low: null, high: 8, highHigh: 9 })).toEqual([]);
    expect(change({ lowLow: null, low: null, high: 7, highHigh: 9 })[0]).toMatchObject({
      type: 'SensorThresholdsChanged',
      data: { previous: { high: 8 }, thresholds: { high: 7 } },
    });
    expect(codeOf(() => change({ lowLow: null, low: null, high: 10, highHigh: 9 }))).toBe(
      'SENSOR_THRESHOLDS_DISORDERED',
    );
  });

  it('a retired sensor refuses changes; retiring twice does nothing', () => {
    const retired = decideSensor({ type: 'RetireSensor', reason: '拆除', now }, registered()).reduce(
      evolveSensor,
      registered(),
    );
    expect(retired.status).toBe('retired');
    expect(decideSensor({ type: 'RetireSensor', reason: '拆除', now }, retired)).toEqual([]);
    expect(
      codeOf(() =>
        decideSensor(
          { type: 'ChangeThresholds', thresholds: { lowLow: null, low: null, high: 1, highHigh: 2 }, tuning: {}, now },
          retired,
        ),
      ),
    ).toBe('SENSOR_RETIRED');
  });

  it('an unknown sensor is not found', () => {
    expect(codeOf(() => decideSensor({ type: 'RetireSensor', reason: 'x', now }, initialSensorState))).toBe(
      'SENSOR_NOT_FOUND',
    );
  });
});
