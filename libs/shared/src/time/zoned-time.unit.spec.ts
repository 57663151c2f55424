import { validateSync } from 'class-validator';
import { IsDateOrInstant, IsInstant } from '../nest/request-validators';
import { calendarDateProblem, INSTANT_YEAR_RANGE, instantProblem, parseInstant } from './zoned-time';

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
