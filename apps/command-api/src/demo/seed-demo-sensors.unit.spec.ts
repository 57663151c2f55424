import { thresholdDisorder } from '@app/monitoring';
import { DEMO_SENSOR_SETS } from './seed-demo-sensors';

describe('demo sensors', () => {
  const all = DEMO_SENSOR_SETS.flatMap((set) => set.sensors.map((s) => ({ ...s, code: `${set.prefix}-${s.code}` })));

  it('have ordered thresholds, every one at least one of them, and 10–30 s intervals', () => {
    for (const s of all) {
      const t = { high: null, highHigh: null, low: null, lowLow: null, ...s.thresholds };
      expect({ code: s.code, problems: thresholdDisorder(t) }).toEqual({ code: s.code, problems: [] });
      expect(Object.keys(s.thresholds).length).toBeGreaterThan(0);
      expect(s.expectedIntervalSeconds).toBeGreaterThanOrEqual(10);
      expect(s.expectedIntervalSeconds).toBeLessThanOrEqual(30);
    }
  });

  it('have codes unique across the sets (two units of one enterprise never clash)', () => {
    expect(new Set(all.map((s) => s.code)).size).toBe(all.length);
  });

  it('cover level, temperature, pressure, toxic gas in ppm and combustible gas in %LEL', () => {
    expect(new Set(all.map((s) => s.kind))).toEqual(
      new Set(['level', 'temperature', 'pressure', 'toxic_gas', 'gas_concentration']),
    );
    expect(all.filter((s) => s.kind === 'toxic_gas').every((s) => s.unit === 'ppm')).toBe(true);
    expect(all.filter((s) => s.kind === 'gas_concentration').every((s) => s.unit === '%LEL')).toBe(true);
  });
});
