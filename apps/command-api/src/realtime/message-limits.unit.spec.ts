import { TokenBucket } from './message-limits';

describe('TokenBucket (per-socket message budget)', () => {
  it('allows a burst of its capacity, then one message per refill interval, and says how long to wait', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 2, () => now);
    expect([bucket.take(), bucket.take(), bucket.take()].every((r) => r.ok)).toBe(true);
    expect(bucket.take()).toEqual({ ok: false, retryAfterMs: 500 });
    now = 250;
    expect(bucket.take()).toEqual({ ok: false, retryAfterMs: 250 });
    now = 500;
    expect(bucket.take().ok).toBe(true);
    expect(bucket.take().ok).toBe(false);
  });

  it('refills up to its capacity only, however long the socket was quiet', () => {
    let now = 0;
    const bucket = new TokenBucket(2, 10, () => now);
    now = 60_000;
    expect([bucket.take(), bucket.take(), bucket.take()].map((r) => r.ok)).toEqual([true, true, false]);
  });
});
