import type * as Time from '../../apps/console/src/time.js' with { 'resolution-mode': 'import' };

// The console is an ES-module package: loaded through jest's transform, typed from the module itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { durationText, formatCountdown } = require('../../apps/console/src/time') as typeof Time;

describe('console spans as a duty officer reads them', () => {
  it('counts down in h:mm:ss under a day, and days first past a day', () => {
    expect(formatCountdown(59_000)).toBe('0:00:59');
    expect(formatCountdown(2 * 3_600_000 + 5 * 60_000)).toBe('2:05:00');
    expect(formatCountdown(23 * 3_600_000 + 59 * 60_000 + 59_000)).toBe('23:59:59');
    expect(formatCountdown(24 * 3_600_000)).toBe('1 天 0:00:00');
    expect(formatCountdown(342 * 3_600_000 + 25 * 60_000)).toBe('14 天 6:25:00');
    expect(formatCountdown(-90_000)).toBe('-0:01:30');
  });

  it('names a span in minutes, hours or days, never thousands of minutes', () => {
    expect(durationText(59 * 60_000)).toBe('59 分钟');
    expect(durationText(-60 * 60_000)).toBe('1 小时');
    expect(durationText(61 * 60_000)).toBe('1 小时 1 分钟');
    expect(durationText(24 * 3_600_000)).toBe('1 天');
    expect(durationText(44_583 * 60_000)).toBe('30 天 23 小时');
  });
});
