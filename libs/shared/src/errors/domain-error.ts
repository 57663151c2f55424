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
export class StaleRevisionError extends DomainError {
  constructor(expected: bigint, actual: bigint | undefined) {
    super('STALE_REVISION', 'conflict', `数据已被他人更新（期望版本 ${expected}，当前版本 ${actual ?? '无'}），请刷新后重试`, {
      expectedRevision: expected.toString(),
      currentRevision: actual?.toString() ?? null,
    });
  }
}

/** The same Idempotency-Key was sent with a different request. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor() {
    super('IDEMPOTENCY_KEY_REUSED', 'rule', '同一 Idempotency-Key 已用于另一个不同的请求');
  }
}

/** Concurrent writers kept winning; the command gave up after its bounded retries. */
export class ConcurrencyExhaustedError extends DomainError {
  constructor(stream: string, attempts: number) {
    super('CONCURRENT_UPDATE', 'conflict', `并发更新冲突，已重试 ${attempts} 次仍未成功，请重试`, { stream });
  }
}
