/**
 * Domain errors carry a stable `code` clients can switch on (e.g. `TEAM_NOT_AVAILABLE`) and a `kind` that the
 * one exception filter maps to an HTTP status. Domain code never knows about HTTP.
 */
export type DomainErrorKind =
  /** 400: the input is not acceptable. */
  | 'invalid'
  /** 403: the actor may not do this here (e.g. report into a jurisdiction outside its own). */
  | 'forbidden'
  /** 404: the thing does not exist. */
  | 'not_found'
  /** 409: conflicts with the current state (stale revision, busy team, short stock). */
  | 'conflict'
  /** 422: well-formed but against a rule. */
  | 'rule';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * One entry of a context's error catalogue: the stable `code`, the `kind` (and so the HTTP status), and the Chinese
 * `detail` the client shows, either fixed or built from the constructor's arguments. `details` adds the
 * machine-readable fields (ids, states) a client can act on.
 */
export interface DomainErrorSpec<A extends unknown[]> {
  code: string;
  kind: DomainErrorKind;
  message: string | ((...args: A) => string);
  details?: (...args: A) => Record<string, unknown> | undefined;
}

/** A class made by `domainError`: `new`, `instanceof`, `code`, `kind` and `details` work as in a hand-written one. */
export type DomainErrorClass<A extends unknown[] = []> = new (...args: A) => DomainError;

/**
 * Turns a catalogue entry into its error class, so that a context declares each of its errors once, as data, and
 * the code, status and wording of one error cannot drift between copies.
 */
export function domainError<A extends unknown[] = []>(spec: DomainErrorSpec<A>): DomainErrorClass<A> {
  const { code, kind, message, details } = spec;
  return class extends DomainError {
    constructor(...args: A) {
      super(code, kind, typeof message === 'string' ? message : message(...args), details?.(...args));
    }
  };
}

/**
 * Something the reader may not see or that does not exist: `code` is the stable error code (`USER` → USER_NOT_FOUND),
 * `noun` the Chinese word the detail names it by. The id stays out of the detail: the caller sent it, and a sentence
 * like "USER 1b2c… 不存在" reads as a code word, not as Chinese.
 */
export class NotFoundError extends DomainError {
  constructor(code: string, noun: string, id?: string) {
    super(`${code.toUpperCase()}_NOT_FOUND`, 'not_found', `${noun}不存在`, id === undefined ? undefined : { id });
  }
}

/** An `If-Match` revision that is no longer current. */
export const StaleRevisionError = domainError({
  code: 'STALE_REVISION',
  kind: 'conflict',
  message: (expected: bigint, actual: bigint | undefined) =>
    `数据已被他人更新（期望版本 ${expected}，当前版本 ${actual ?? '无'}），请刷新后重试`,
  details: (expected, actual) => ({
    expectedRevision: expected.toString(),
    currentRevision: actual?.toString() ?? null,
  }),
});

/** The same Idempotency-Key was sent with a different request. */
export const IdempotencyKeyReusedError = domainError({
  code: 'IDEMPOTENCY_KEY_REUSED',
  kind: 'rule',
  message: '同一 Idempotency-Key 已用于另一个不同的请求',
});

/** Concurrent writers kept winning; the command gave up after its bounded retries. */
export const ConcurrencyExhaustedError = domainError({
  code: 'CONCURRENT_UPDATE',
  kind: 'conflict',
  message: (_stream: string, attempts: number) => `并发更新冲突，已重试 ${attempts} 次仍未成功，请重试`,
  details: (stream) => ({ stream }),
});
