import { describe, expect, it } from 'vitest';
import { offsetMinutes, presetSpan, spanInstants, startOfDay, validSpan } from './period';

describe('statistical periods in the jurisdiction’s zone', () => {
  it('starts a local day at its midnight with the offset of that instant', () => {
    expect(startOfDay('2027-01-01', 'Asia/Shanghai')).toBe('2027-01-01T00:00:00+08:00');
    expect(startOfDay('2026-07-01', 'Asia/Urumqi')).toBe('2026-07-01T00:00:00+06:00');
    // A zone that moves its clocks: the day after the change begins at the new offset.
    expect(startOfDay('2026-03-08', 'America/New_York')).toBe('2026-03-08T00:00:00-05:00');
    expect(startOfDay('2026-03-09', 'America/New_York')).toBe('2026-03-09T00:00:00-04:00');
    expect(offsetMinutes('Asia/Kolkata', new Date('2026-01-01T00:00:00Z'))).toBe(330);
  });

  it('reads presets off the zone’s calendar, not the browser’s', () => {
    const newYearInBeijing = new Date('2026-12-31T17:00:00Z');
    expect(presetSpan('thisYear', 'Asia/Shanghai', newYearInBeijing)).toEqual({
      first: '2027-01-01',
      last: '2027-12-31',
    });
    expect(presetSpan('thisYear', 'Europe/London', newYearInBeijing)).toEqual({
      first: '2026-01-01',
      last: '2026-12-31',
    });
    expect(presetSpan('thisMonth', 'Asia/Shanghai', new Date('2028-02-10T00:00:00Z'))).toEqual({
      first: '2028-02-01',
      last: '2028-02-29',
    });
    expect(presetSpan('lastYear', 'Asia/Shanghai', newYearInBeijing)).toEqual({
      first: '2026-01-01',
      last: '2026-12-31',
    });
  });

  it('sends a span of dates as [its first midnight, the midnight after its last day)', () => {
    expect(spanInstants({ first: '2026-02-01', last: '2026-02-28' }, 'Asia/Shanghai')).toEqual({
      from: '2026-02-01T00:00:00+08:00',
      to: '2026-03-01T00:00:00+08:00',
    });
    expect(validSpan({ first: '2026-03-01', last: '2026-02-28' })).toBe(false);
    expect(validSpan({ first: '', last: '2026-02-28' })).toBe(false);
    expect(validSpan({ first: '2026-02-28', last: '2026-02-28' })).toBe(true);
  });
});
