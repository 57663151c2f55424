import { toZonedIso } from './zoned-time';
import { zonedPeriods } from './zoned-periods';

const iso = (periods: { start: Date; key: string }[] | undefined, zone: string) =>
  periods?.map((p) => `${p.key} ${toZonedIso(p.start, zone)}`);

describe('calendar periods of a zone', () => {
  it('months of a year in Shanghai start at local midnight of the 1st, the first one at or before `from`', () => {
    const periods = zonedPeriods(
      new Date('2026-01-15T03:00:00Z'),
      new Date('2026-04-01T00:00:00+08:00'),
      'month',
      'Asia/Shanghai',
      100,
    );
    expect(iso(periods, 'Asia/Shanghai')).toEqual([
      '2026-01 2026-01-01T00:00:00+08:00',
      '2026-02 2026-02-01T00:00:00+08:00',
      '2026-03 2026-03-01T00:00:00+08:00',
    ]);
  });

  it('an instant just before local midnight belongs to the day it is in the zone, not in UTC', () => {
    const periods = zonedPeriods(
      new Date('2026-03-31T15:59:59Z'),
      new Date('2026-03-31T16:00:01Z'),
      'day',
      'Asia/Shanghai',
      10,
    );
    expect(iso(periods, 'Asia/Shanghai')).toEqual([
      '2026-03-31 2026-03-31T00:00:00+08:00',
      '2026-04-01 2026-04-01T00:00:00+08:00',
    ]);
  });

  it('days across a daylight-saving change keep local midnight (23- and 25-hour days)', () => {
    const periods = zonedPeriods(
      new Date('2026-03-07T12:00:00-05:00'),
      new Date('2026-03-10T00:00:00-04:00'),
      'day',
      'America/New_York',
      10,
    );
    expect(iso(periods, 'America/New_York')).toEqual([
      '2026-03-07 2026-03-07T00:00:00-05:00',
      '2026-03-08 2026-03-08T00:00:00-05:00',
      '2026-03-09 2026-03-09T00:00:00-04:00',
    ]);
  });

  it('years; an empty range has none; past the limit the answer is undefined', () => {
    const from = new Date('2024-06-01T00:00:00Z');
    const to = new Date('2026-01-01T00:00:00+08:00');
    expect(zonedPeriods(from, to, 'year', 'Asia/Shanghai', 10)?.map((p) => p.key)).toEqual(['2024', '2025']);
    expect(zonedPeriods(to, from, 'year', 'Asia/Shanghai', 10)).toEqual([]);
    expect(zonedPeriods(new Date(0), to, 'day', 'Asia/Shanghai', 5_000)).toBeUndefined();
  });
});
