import { prefixRecordedBy, QUIET_CAP_MS, replayWaitMs } from './replay-timing';

describe('replay timing', () => {
  it('divides the gap by the speed', () => {
    expect(replayWaitMs(1000, 3000, 1)).toBe(2000);
    expect(replayWaitMs(1000, 3000, 100)).toBe(20);
  });
  it('caps a long quiet period at QUIET_CAP_MS of recorded time', () => {
    expect(replayWaitMs(0, 3_600_000, 1)).toBe(QUIET_CAP_MS);
    expect(replayWaitMs(0, 3_600_000, 20)).toBe(QUIET_CAP_MS / 20);
  });
  it('never waits a negative time', () => {
    expect(replayWaitMs(5000, 4000, 1)).toBe(0);
  });
  it('takes the prefix recorded by an instant', () => {
    expect(prefixRecordedBy([1, 2, 3], 0)).toBe(0);
    expect(prefixRecordedBy([1, 2, 3], 2)).toBe(2);
    expect(prefixRecordedBy([1, 5, 3], 4)).toBe(1);
    expect(prefixRecordedBy([1, 2, 3], 9)).toBe(3);
  });
});
