import { webcrypto } from 'node:crypto';
import type * as Retry from '../../apps/console/src/command-retry.js' with { 'resolution-mode': 'import' };

// The console is an ES-module package; this CommonJS spec loads its module through jest's transform
// (test/support/console-module-transform.js), typed from the module itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const retry = require('../../apps/console/src/command-retry') as typeof Retry;
const {
  backoffMs,
  COMMAND_RETRY,
  fingerprintOf,
  isRetryableStatus,
  newIdempotencyKey,
  retryAfterMs,
  sendWithRetries,
  UnsettledKeys,
} = retry;
type AttemptAnswer = Retry.AttemptAnswer;
type RetryClock = Retry.RetryClock;

/**
 * The console's retry rules for commands: which answers are retried, how long it waits (back-off, `Retry-After`,
 * the ~30 s budget), and which key a user's action carries. Time is a clock the test moves, so the waits are exact.
 */
class TestClock implements RetryClock {
  at = 1_000_000;
  readonly slept: number[] = [];
  constructor(private readonly draw = 0.5) {}
  now(): number {
    return this.at;
  }
  sleep(ms: number): Promise<void> {
    this.slept.push(ms);
    this.at += ms;
    return Promise.resolve();
  }
  random(): number {
    return this.draw;
  }
}

function answer(status: number, retryAfter?: string): AttemptAnswer {
  return { status, headers: { get: (name) => (name.toLowerCase() === 'retry-after' ? (retryAfter ?? null) : null) } };
}

/** A server script: each attempt takes the next entry (an answer, or an Error for a cut connection). */
function scripted(...steps: (AttemptAnswer | Error)[]) {
  const attempts: number[] = [];
  const send = (attempt: number): Promise<AttemptAnswer> => {
    attempts.push(attempt);
    const step = steps[Math.min(attempt - 1, steps.length - 1)]!;
    return step instanceof Error ? Promise.reject(step) : Promise.resolve(step);
  };
  return { send, attempts };
}

describe('which answers the console retries', () => {
  it('retries gateways that lost the API and a 503, nothing else', () => {
    expect([502, 503, 504].map(isRetryableStatus)).toEqual([true, true, true]);
    for (const status of [200, 201, 202, 204, 400, 401, 403, 404, 409, 422, 429, 500]) {
      expect(isRetryableStatus(status)).toBe(false);
    }
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-12-06T10:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Sun, 06 Dec 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Sun, 06 Dec 2026 09:59:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  it('backs off exponentially with jitter up to the cap, unless the server said how long', () => {
    const policy = { maxAttempts: 10, firstDelayMs: 500, maxDelayMs: 4000, budgetMs: 60_000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, null, policy, 0))).toEqual([250, 500, 1000, 2000, 2000]);
    expect([1, 2, 3, 4, 5].map((n) => backoffMs(n, null, policy, 0.999999))).toEqual([500, 1000, 2000, 4000, 4000]);
    expect(backoffMs(1, 7000, policy, 0.3)).toBe(7000);
  });
});

describe('sending one command with retries', () => {
  it('retries a cut connection and a 503 until the server answers, waiting as asked', async () => {
    const clock = new TestClock(0.5);
    const server = scripted(new TypeError('Failed to fetch'), answer(503, '2'), answer(200));
    const notices: unknown[] = [];
    const final = await sendWithRetries(server.send, { clock, onRetry: (n) => notices.push(n) });
    expect(final.status).toBe(200);
    expect(server.attempts).toEqual([1, 2, 3]);
    // First wait: back-off (half to all of 500 ms, here 375); second: the server's Retry-After of 2 s.
    expect(clock.slept).toEqual([375, 2000]);
    expect(notices).toEqual([
      { attempt: 1, delayMs: 375, status: 0 },
      { attempt: 2, delayMs: 2000, status: 503 },
    ]);
  });

  it('does not retry an answer about the command itself (a refusal, a 202, a 500)', async () => {
    for (const status of [409, 422, 202, 500]) {
      const clock = new TestClock();
      const server = scripted(answer(status), answer(200));
      expect((await sendWithRetries(server.send, { clock })).status).toBe(status);
      expect(server.attempts).toEqual([1]);
      expect(clock.slept).toEqual([]);
    }
  });

  it('gives up after the last attempt with the last answer, within about 30 s', async () => {
    const clock = new TestClock(0.999);
    const server = scripted(answer(503));
    const final = await sendWithRetries(server.send, { clock });
    expect(final.status).toBe(503);
    expect(server.attempts).toHaveLength(COMMAND_RETRY.maxAttempts);
    const waited = clock.slept.reduce((a, b) => a + b, 0);
    expect(waited).toBeLessThanOrEqual(COMMAND_RETRY.budgetMs);
    expect(waited).toBeGreaterThan(5000);
  });

  it('stops early when the next wait would pass the budget', async () => {
    const clock = new TestClock();
    const server = scripted(answer(503, '20'), answer(503, '20'), answer(200));
    const final = await sendWithRetries(server.send, { clock });
    // 20 s fits in 30 s; another 20 s does not: the user is told after the second attempt.
    expect(final.status).toBe(503);
    expect(server.attempts).toEqual([1, 2]);
    expect(clock.slept).toEqual([20_000]);
  });

  it('throws the last network error when no attempt got an answer', async () => {
    const clock = new TestClock();
    const cut = new TypeError('Failed to fetch');
    const server = scripted(cut);
    await expect(sendWithRetries(server.send, { clock })).rejects.toBe(cut);
    expect(server.attempts).toHaveLength(COMMAND_RETRY.maxAttempts);
  });
});

describe('the key of a user action', () => {
  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('is a random UUID, also where the page is not a secure context (no crypto.randomUUID)', () => {
    expect(newIdempotencyKey(webcrypto)).toMatch(UUID_V4);
    const insecure = { getRandomValues: <T extends Uint8Array>(a: T) => webcrypto.getRandomValues(a) };
    const keys = Array.from({ length: 200 }, () => newIdempotencyKey(insecure));
    for (const key of keys) expect(key).toMatch(UUID_V4);
    expect(new Set(keys).size).toBe(200);
    // All-ones and all-zeros bytes still give a well-formed version-4 UUID.
    for (const fill of [0x00, 0xff])
      expect(newIdempotencyKey({ getRandomValues: <T extends Uint8Array>(a: T) => a.fill(fill) })).toMatch(UUID_V4);
  });

  let issued = 0;
  const fresh = () => `key-${++issued}`;
  const same = fingerprintOf('u1', 'POST', '/incidents/1/updates', { casualties: { deaths: 1 } });

  it('is fresh for each action the server answered', () => {
    const keys = new UnsettledKeys(fresh);
    const first = keys.keyFor(same);
    keys.settled(same);
    const second = keys.keyFor(same);
    expect(second).not.toBe(first);
  });

  it('is kept for the same unchanged request while its outcome is unknown, and only for it', () => {
    const keys = new UnsettledKeys(fresh);
    const first = keys.keyFor(same);
    keys.unsettled(same, first);
    expect(keys.keyFor(same)).toBe(first);
    expect(keys.keyFor(same)).toBe(first);
    // Changed content, another path or another user: another action.
    const changed = fingerprintOf('u1', 'POST', '/incidents/1/updates', { casualties: { deaths: 2 } });
    const elsewhere = fingerprintOf('u1', 'POST', '/incidents/2/updates', { casualties: { deaths: 1 } });
    const someoneElse = fingerprintOf('u2', 'POST', '/incidents/1/updates', { casualties: { deaths: 1 } });
    for (const other of [changed, elsewhere, someoneElse]) expect(keys.keyFor(other)).not.toBe(first);
    // Once the re-sent request is answered, the next press is a new action.
    keys.settled(same);
    expect(keys.keyFor(same)).not.toBe(first);
  });

  it('is forgotten after a while, and the oldest first when too many are kept', () => {
    let now = 0;
    const keys = new UnsettledKeys(fresh, () => now, 1000, 2);
    const k = keys.keyFor(same);
    keys.unsettled(same, k);
    now = 1000;
    expect(keys.keyFor(same)).toBe(k);
    now = 1001;
    expect(keys.keyFor(same)).not.toBe(k);

    const a = fingerprintOf('u', 'POST', '/a', {});
    const b = fingerprintOf('u', 'POST', '/b', {});
    const c = fingerprintOf('u', 'POST', '/c', {});
    keys.unsettled(a, 'ka');
    keys.unsettled(b, 'kb');
    keys.unsettled(c, 'kc');
    expect(keys.keyFor(a)).not.toBe('ka');
    expect(keys.keyFor(b)).toBe('kb');
    expect(keys.keyFor(c)).toBe('kc');
  });
});
