/**
 * An HTTP answer decided before or around the route handler — the stored first answer to a retried Idempotency-Key,
 * or the 202 of a command whose events are stored but whose result cannot be read back yet. Thrown so that it
 * bypasses the route's own status code; the problem filter sends it exactly as it is.
 */
export class PreparedAnswer extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(`prepared answer ${status}`);
  }
}
