/** What node-postgres errors carry: the SQLSTATE and, for a unique violation, the constraint. */
export interface PgError {
  code?: string;
  constraint?: string;
}

export function isPgError(error: unknown): error is PgError {
  return typeof error === 'object' && error !== null && 'code' in error;
}

/** The server went away or refused the connection: the store is unavailable, not the request wrong. */
export function isConnectionError(error: unknown): boolean {
  if (!isPgError(error)) return error instanceof Error && /terminat|connect|ECONN|timeout/i.test(error.message);
  const code = error.code ?? '';
  return (
    code.startsWith('08') || code === '57P01' || code === '57P03' || code === 'ECONNREFUSED' || code === 'ECONNRESET'
  );
}
