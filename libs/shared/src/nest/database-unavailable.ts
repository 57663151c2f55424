/** Seconds a client is asked to wait (`Retry-After`) while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** PostgreSQL SQLSTATEs of a server that is gone, going or not yet back (class 08, admin shutdown, starting up). */
const UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
]);
const UNAVAILABLE_MESSAGES =
  /connection terminated|terminating connection|connection (refused|reset)|not queryable|the database system is (starting up|shutting down)|timeout exceeded when trying to connect|ECONNREFUSED/i;

/**
 * Whether an error means "the database cannot be reached right now" rather than "this request is wrong": then the
 * API answers 503 with Retry-After instead of 500, and the caller (a console, an outside system) tries again. pg,
 * TypeORM (QueryFailedError.driverError) and Node (AggregateError of a refused connect) wrap it differently.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { code, message, cause, driverError, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    driverError?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (code.startsWith('08') || UNAVAILABLE_CODES.has(code))) return true;
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1) || isDatabaseUnavailable(driverError, depth + 1);
}

/**
 * A statement the server cancelled (SQLSTATE 57014): it ran past the connection's `statement_timeout` — usually
 * waiting on a lock an open transaction holds (docs/operations.md) — or an operator cancelled it. Nothing of it was
 * committed, so the same request may succeed once the holder is gone: the API answers 503 with Retry-After.
 */
export function isStatementCancelled(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { code, cause, driverError } = error as { code?: unknown; cause?: unknown; driverError?: unknown };
  if (code === '57014') return true;
  return isStatementCancelled(cause, depth + 1) || isStatementCancelled(driverError, depth + 1);
}
