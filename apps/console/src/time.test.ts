import { describe, expect, it } from 'vitest';
import { durationText, formatCountdown, formatDate, formatTime } from './time';

const now = new Date('2026-12-06T06:00:00Z');

describe('times in the jurisdiction zone, in the console language', () => {
  it('shows an instant of this year without the year and one of another year with it', () => {
    expect(formatTime('2026-12-06T06:05:00Z', false, { lang: 'zh', now })).toBe('12/06 14:05');
    expect(formatTime('2025-12-31T17:30:00Z', false, { lang: 'zh', now })).toBe('01/01 01:30'); // already 2026 in Beijing
    expect(formatTime('2025-12-31T15:30:00Z', false, { lang: 'zh', now })).toBe('2025/12/31 23:30');
    expect(formatTime('2027-03-01T02:00:00Z', true, { lang: 'en', now })).toBe('1 Mar 2027, 10:00:00');
    expect(formatTime('2026-12-06T06:05:00Z', false, { lang: 'en', now })).toBe('6 Dec, 14:05');
  });

  it('formats in the configured zone, not the browser one', () => {
    expect(formatTime('2026-12-06T06:05:00Z', false, { lang: 'zh', zone: 'Asia/Urumqi', now })).toBe('12/06 12:05');
  });

  it('writes a calendar day with its year, local dates as written', () => {
    expect(formatDate('2027-03-01', { lang: 'zh' })).toBe('2027/03/01');
    expect(formatDate('2027-03-01', { lang: 'en' })).toBe('1 Mar 2027');
    expect(formatDate('2027-02-28T20:00:00+00:00', { lang: 'zh' })).toBe('2027/03/01');
    expect(formatDate(null)).toBe('—');
  });

  it('reads long spans in days and hours in both languages', () => {
    expect(durationText(44_583 * 60_000, 'zh')).toBe('30 天 23 小时');
    expect(durationText(44_583 * 60_000, 'en')).toBe('30 days 23 hours');
    expect(durationText(61 * 60_000, 'en')).toBe('1 hour 1 minute');
    expect(formatCountdown(342 * 3_600_000 + 25 * 60_000, 'en')).toBe('14 d 6:25:00');
  });
});
