import type { AppConfig } from '@app/shared/nest';

/**
 * Server-side limits every connection of the API sets when it opens (sent in the startup packet, so they hold from
 * the first statement and no pool can forget them). A transaction left open — a request killed half-way, a bug that
 * forgets to commit — would otherwise hold back every projection for as long as its connection lives, because global
 * readers of the event store only see what is older than the oldest open transaction (docs/adr/0001). With these
 * limits the server ends such a connection itself. Zero leaves the server's (or role's) own setting.
 */
export interface SessionLimits {
  statement_timeout?: number;
  idle_in_transaction_session_timeout?: number;
}

export function sessionLimits(
  config: Pick<AppConfig, 'DATABASE_STATEMENT_TIMEOUT_MS' | 'DATABASE_IDLE_TX_TIMEOUT_MS'>,
): SessionLimits {
  return {
    ...(config.DATABASE_STATEMENT_TIMEOUT_MS > 0 ? { statement_timeout: config.DATABASE_STATEMENT_TIMEOUT_MS } : {}),
    ...(config.DATABASE_IDLE_TX_TIMEOUT_MS > 0
      ? { idle_in_transaction_session_timeout: config.DATABASE_IDLE_TX_TIMEOUT_MS }
      : {}),
  };
}

/**
 * For the connections that must not be limited (migrations, restores, rebuilds: one statement may rewrite a large
 * table): libpq startup options that switch both limits off, whatever the role's defaults say.
 */
export const UNLIMITED_SESSION = '-c statement_timeout=0 -c idle_in_transaction_session_timeout=0';
