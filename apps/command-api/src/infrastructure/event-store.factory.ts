import { Logger } from '@nestjs/common';
import { KurrentDbEventStore, PostgresEventStore, type EventStore } from '@app/event-store';
import type { AppConfig } from '@app/shared/nest';
import { sessionLimits } from './session-limits';

/** `EVENT_STORE=postgres|kurrentdb` picks the adapter; both satisfy the same contract suite. */
export function createEventStore(config: AppConfig & { DATABASE_URL: string }): EventStore {
  const log = (m: string) => new Logger('EventStore').warn(m);
  if (config.EVENT_STORE === 'kurrentdb')
    return new KurrentDbEventStore({
      connectionString: config.KURRENTDB_URL!,
      keysDatabaseUrl: config.DATABASE_URL,
      sessionLimits: sessionLimits(config),
      log,
    });
  return new PostgresEventStore({
    connectionString: config.DATABASE_URL,
    pollIntervalMs: config.EVENT_POLL_INTERVAL_MS,
    applicationName: 'command-api:event-store',
    sessionLimits: sessionLimits(config),
    log,
  });
}
