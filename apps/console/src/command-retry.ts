/**
 * How the console sends a command so that one user action is applied at most once, whatever the network does
 * (docs/api.md, "Headers"): the action gets one `Idempotency-Key`; every automatic retry and every manual re-send of
 * the same unchanged content after an unknown outcome carries that key, so the server recognises the attempts as one
 * request and answers them as the first. Framework-free (no DOM, no React), so it is tested on its own.
 */

/** Only what retrying reads from an answer (a fetch `Response` has it). */
export interface AttemptAnswer {
  status: number;
  headers: { get(name: string): string | null };
}

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** Back-off before the second attempt; doubled for each further one, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** No retry is started later than this after the first attempt began: past it the user decides. */
  budgetMs: number;
}

/** About 30 s in all: long enough for the API to restart or its database to come back, short enough to be waited for. */
export const COMMAND_RETRY: RetryPolicy = { maxAttempts: 5, firstDelayMs: 500, maxDelayMs: 8_000, budgetMs: 30_000 };

export interface RetryClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** In [0, 1): spreads the retries of many consoles that lost the same server at the same moment. */
  random(): number;
}

export const realClock: RetryClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

/**
 * Answers that say nothing about whether the command was applied and invite a retry: a gateway that lost the API
 * (502, 504) or an API that could not finish (503, "请稍后重试"). Anything else is the server's answer to the command.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 502 || status === 503 || status === 504;
}

/** `Retry-After` in milliseconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/**
 * The wait after failed attempt number `attempt` (1 for the first): what the server asked for in `Retry-After` if it
 * said, otherwise exponential back-off with jitter between half and all of the step.
 */
export function backoffMs(attempt: number, retryAfter: number | null, policy: RetryPolicy, random: number): number {
  if (retryAfter !== null) return retryAfter;
  const step = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + (random * step) / 2);
}

export interface RetryNotice {
  /** The attempt that failed (1 for the first). */
  attempt: number;
  delayMs: number;
  /** The status that failed, or 0 for a network error. */
  status: number;
}

/**
 * Sends `send` until it gets an answer that is not retryable, or the attempts or the time budget run out. Returns the
 * last answer (which may still be a 502/503/504 when the retries ran out); throws the last network error when no
 * attempt got an answer. The caller's `send` carries the same key on every attempt.
 */
export async function sendWithRetries<A extends AttemptAnswer>(
  send: (attempt: number) => Promise<A>,
  options: { policy?: RetryPolicy; clock?: RetryClock; onRetry?: (notice: RetryNotice) => void } = {},
): Promise<A> {
  const policy = options.policy ?? COMMAND_RETRY;
  const clock = options.clock ?? realClock;
  const started = clock.now();
  for (let attempt = 1; ; attempt += 1) {
    let answer: A | undefined;
    let failure: unknown;
    try {
      answer = await send(attempt);
    } catch (error) {
      failure = error;
    }
    if (answer && !isRetryableStatus(answer.status)) return answer;
    const retryAfter = answer ? retryAfterMs(answer.headers.get('retry-after'), clock.now()) : null;
    const delayMs = backoffMs(attempt, retryAfter, policy, clock.random());
    const lastChance = attempt >= policy.maxAttempts || clock.now() + delayMs - started > policy.budgetMs;
    if (lastChance) {
      if (answer) return answer;
      throw failure;
    }
    options.onRetry?.({ attempt, delayMs, status: answer?.status ?? 0 });
    await clock.sleep(delayMs);
  }
}

/** The part of Web Crypto a key needs; `randomUUID` exists only in secure contexts (https or localhost). */
export interface KeySource {
  randomUUID?: () => string;
  getRandomValues<T extends Uint8Array>(array: T): T;
}

/**
 * A fresh key: a random (version 4) UUID. Browsers offer `crypto.randomUUID()` only to pages served over https or from
 * localhost; a console opened over plain http on the bureau's LAN builds the same from `getRandomValues`.
 */
export function newIdempotencyKey(source: KeySource): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * What identifies "the same action, unchanged": the user, the method, the path and the body as sent. The server binds
 * a key to the hash of the same parts (docs/adr/0011-idempotency-across-stores.md), so equal fingerprints never meet
 * 422 `IDEMPOTENCY_KEY_REUSED`.
 */
export function fingerprintOf(userId: string, method: string, path: string, body: unknown): string {
  return `${userId}\n${method} ${path}\n${JSON.stringify(body ?? null)}`;
}

/**
 * Keys of actions whose outcome is unknown (every attempt failed in the network or with 502/503/504). A user who
 * presses the button again with the same content re-sends the same key, and the server answers with what the first
 * attempt did instead of applying it a second time; once the server has answered, the key is forgotten and the next
 * press is a new action with a new key. In memory only: a reload starts afresh.
 */
export class UnsettledKeys {
  private readonly keys = new Map<string, { key: string; at: number }>();

  constructor(
    private readonly newKey: () => string,
    private readonly now: () => number = () => Date.now(),
    /** Long enough for the user to come back to the form; the server keeps its record of keys far longer. */
    private readonly keepMs = 60 * 60_000,
    private readonly maxEntries = 100,
  ) {}

  /** The key of a new action: the unsettled key of the same unchanged request, else a fresh one. */
  keyFor(fingerprint: string): string {
    const kept = this.keys.get(fingerprint);
    if (kept && this.now() - kept.at <= this.keepMs) return kept.key;
    this.keys.delete(fingerprint);
    return this.newKey();
  }

  /** Nobody knows whether the action was applied: keep its key for a re-send of the same content. */
  unsettled(fingerprint: string, key: string): void {
    this.keys.delete(fingerprint);
    this.keys.set(fingerprint, { key, at: this.now() });
    // Oldest first (Map keeps insertion order): a console left open for days does not collect keys without end.
    while (this.keys.size > this.maxEntries) this.keys.delete(this.keys.keys().next().value as string);
  }

  /** The server answered (success, no-op or refusal): the action is over. */
  settled(fingerprint: string): void {
    this.keys.delete(fingerprint);
  }
}
