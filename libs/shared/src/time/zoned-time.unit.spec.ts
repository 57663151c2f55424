import { validateSync } from 'class-validator';
import { IsDateOrInstant, IsInstant } from '../nest/request-validators';
import { TZDate } from '@date-fns/tz';
import { formatISO } from 'date-fns';
import { calendarDateProblem, INSTANT_YEAR_RANGE, instantProblem, parseInstant, toZonedIso } from './zoned-time';

describe('parseInstant: the one check every instant of a request goes through', () => {
  it('accepts instants with an offset inside the documented years', () => {
    expect(parseInstant('2026-11-22T13:40:00+08:00')?.toISOString()).toBe('2026-11-22T05:40:00.000Z');
    expect(parseInstant('1900-01-01T00:00:00Z')?.toISOString()).toBe('1900-01-01T00:00:00.000Z');
    expect(parseInstant('2999-12-31T23:59:59.999Z')?.toISOString()).toBe('2999-12-31T23:59:59.999Z');
  });

  it('refuses years PostgreSQL cannot store or that mean nothing (year 0000, before 1900, after 2999)', () => {
    for (const text of [
      '0000-01-01T00:00:00Z',
      '0001-01-01T00:00:00Z',
      '1899-12-31T23:59:59Z',
      '3000-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
    ]) {
      expect(parseInstant(text)).toBeUndefined();
      expect(instantProblem(text)).toBe('range');
    }
    expect(INSTANT_YEAR_RANGE).toEqual({ min: 1900, max: 2999 });
  });

  it('tells a date that does not exist from a wrong shape', () => {
    expect(instantProblem('2026-13-45T25:61:00Z')).toBe('calendar');
    expect(instantProblem('2026-02-30T00:00:00+08:00')).toBe('calendar');
    expect(instantProblem('2026-11-22 13:40')).toBe('format');
    expect(instantProblem('2026-11-22T13:40:00')).toBe('format');
  });

  it('checks calendar dates by the same rules', () => {
    expect(calendarDateProblem('2026-11-20')).toBeUndefined();
    expect(calendarDateProblem('2026-02-29')).toBe('calendar');
    expect(calendarDateProblem('0000-01-01')).toBe('range');
    expect(calendarDateProblem('20261120')).toBe('format');
  });
});

describe('IsInstant / IsDateOrInstant messages', () => {
  class Body {
    @IsInstant() at!: unknown;
    @IsDateOrInstant() filedAt!: unknown;
  }
  const messages = (at: unknown, filedAt: unknown = '2026-11-20') => {
    const body = Object.assign(new Body(), { at, filedAt });
    return validateSync(body).flatMap((e) => Object.values(e.constraints ?? {}));
  };

  it('names the range, a missing date, a wrong shape and a wrong type, in Chinese', () => {
    expect(messages('0000-01-01T00:00:00Z')).toEqual([expect.stringContaining('at 时间超出允许范围（1900–2999 年）')]);
    expect(messages('2026-02-30T00:00:00+08:00')).toEqual([expect.stringContaining('at 的日期或时间不存在')]);
    expect(messages('yesterday')).toEqual([expect.stringContaining('at 须为带时区偏移的 ISO 8601 时间')]);
    expect(messages(20261122)).toEqual([expect.stringContaining('at 必须是字符串')]);
    expect(messages('2026-11-22T13:40:00+08:00')).toEqual([]);
  });

  it('takes a calendar date or an instant for record dates, within the same range', () => {
    expect(messages('2026-11-22T13:40:00+08:00', '2026-11-22T13:40:00+08:00')).toEqual([]);
    expect(messages('2026-11-22T13:40:00+08:00', '0000-01-01')).toEqual([
      expect.stringContaining('filedAt 时间超出允许范围'),
    ]);
    expect(messages('2026-11-22T13:40:00+08:00', '2026-02-30')).toEqual([
      expect.stringContaining('filedAt 的日期或时间不存在'),
    ]);
  });
});

describe('toZonedIso: the zone offset kept per quarter hour gives the same text as @date-fns/tz', () => {
  const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];
  const reference = (t: number, zone: string) => formatISO(new TZDate(t, zone));

  it('around daylight-saving changes, old local mean times and ordinary instants, twice (cold and kept)', () => {
    const instants: number[] = [
      Date.parse('2026-03-08T06:59:59.999Z'), // New York springs forward at 07:00Z
      Date.parse('2026-03-08T07:00:00.000Z'),
      Date.parse('2026-11-01T05:59:59.999Z'), // and falls back at 06:00Z
      Date.parse('2026-11-01T06:00:00.000Z'),
      Date.parse('2026-10-04T15:29:59.999Z'), // Lord Howe moves by half an hour
      Date.parse('2026-10-04T15:30:00.000Z'),
      Date.parse('1900-12-31T15:54:16.999Z'), // Shanghai left local mean time
      Date.parse('1900-12-31T15:54:17.000Z'),
      Date.parse('1901-01-01T00:00:00.000Z'),
    ];
    for (let k = 0; k < 400; k++) instants.push(Date.parse('1900-01-01T00:00:00Z') + k * 2_370_000_017 + (k % 997));
    for (const round of [1, 2])
      for (const zone of zones)
        for (const t of instants)
          expect([round, zone, toZonedIso(new Date(t), zone)]).toEqual([round, zone, reference(t, zone)]);
  });

  it('takes strings and keeps the default zone', () => {
    expect(toZonedIso('2026-11-22T05:40:00.123Z')).toBe('2026-11-22T13:40:00+08:00');
  });
});
