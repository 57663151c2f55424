import { checkReading } from './reading-validation';

const now = new Date('2026-12-06T08:00:00Z');
const window = { futureSkewSeconds: 120, maxAgeHours: 24 };
const check = (raw: unknown) => checkReading(raw, now, window);

describe('one incoming reading', () => {
  it('accepts a code, a finite number and an instant with its offset', () => {
    expect(check({ sensorCode: 'LT-101', value: 4.2, at: '2026-12-06T15:59:00+08:00' })).toEqual({
      ok: true,
      sensorCode: 'LT-101',
      value: 4.2,
      at: new Date('2026-12-06T07:59:00Z'),
    });
    expect(check({ sensorCode: 'LT-101', value: -0.5, at: '2026-12-06T07:59:59.123Z' }).ok).toBe(true);
  });

  it.each([
    ['not an object', 'x'],
    ['an array', [1, 2]],
    ['no code', { value: 1, at: '2026-12-06T08:00:00Z' }],
    ['a code with a space', { sensorCode: 'LT 1', value: 1, at: '2026-12-06T08:00:00Z' }],
    ['a value in a string', { sensorCode: 'A', value: '4.2', at: '2026-12-06T08:00:00Z' }],
    ['NaN', { sensorCode: 'A', value: Number.NaN, at: '2026-12-06T08:00:00Z' }],
    ['infinity', { sensorCode: 'A', value: Number.POSITIVE_INFINITY, at: '2026-12-06T08:00:00Z' }],
    ['a time without offset', { sensorCode: 'A', value: 1, at: '2026-12-06T08:00:00' }],
    ['epoch milliseconds', { sensorCode: 'A', value: 1, at: 1765008000000 }],
    ['an impossible date', { sensorCode: 'A', value: 1, at: '2026-13-45T08:00:00Z' }],
    ['the 31st of February', { sensorCode: 'A', value: 1, at: '2026-02-31T08:00:00Z' }],
    ['the 29th of February of a common year', { sensorCode: 'A', value: 1, at: '2026-02-29T08:00:00Z' }],
    ['the 31st of November', { sensorCode: 'A', value: 1, at: '2026-11-31T08:00:00Z' }],
  ])('refuses %s as malformed', (_what, raw) => {
    const result = check(raw);
    expect(result).toMatchObject({ ok: false, malformed: true });
    if (!result.ok) expect(result.reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it('refuses, without calling it malformed, a time beyond the skew ahead or older than the window', () => {
    expect(check({ sensorCode: 'A', value: 1, at: '2026-12-06T08:02:00Z' }).ok).toBe(true);
    expect(check({ sensorCode: 'A', value: 1, at: '2026-12-06T08:02:01Z' })).toMatchObject({
      ok: false,
      malformed: false,
    });
    expect(check({ sensorCode: 'A', value: 1, at: '2026-12-05T08:00:00Z' }).ok).toBe(true);
    expect(check({ sensorCode: 'A', value: 1, at: '2026-12-05T07:59:59Z' })).toMatchObject({
      ok: false,
      malformed: false,
    });
  });

  it('refuses, without calling it malformed, a value beyond the plausible magnitude', () => {
    expect(check({ sensorCode: 'A', value: 1e12, at: '2026-12-06T08:00:00Z' }).ok).toBe(true);
    expect(check({ sensorCode: 'A', value: -1e12, at: '2026-12-06T08:00:00Z' }).ok).toBe(true);
    for (const value of [1e308, -1.7e308, 1.000001e12]) {
      const result = check({ sensorCode: 'A', value, at: '2026-12-06T08:00:00Z' });
      expect(result).toMatchObject({ ok: false, malformed: false });
      if (!result.ok) expect(result.reason).toMatch(/超出可接收范围/);
    }
  });

  it('accepts the 29th of February of a leap year', () => {
    const leap = checkReading(
      { sensorCode: 'A', value: 1, at: '2028-02-29T08:00:00Z' },
      new Date('2028-02-29T09:00:00Z'),
      window,
    );
    expect(leap.ok).toBe(true);
  });
});
