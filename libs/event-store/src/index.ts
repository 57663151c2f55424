export * from './port/position';
export * from './port/expected-revision';
export * from './port/events';
export * from './port/errors';
export * from './port/event-store.port';
export * from './port/idempotency-ledger';
export { DelegatingEventStore } from './port/delegating-event-store';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
export { PostgresIdempotencyLedger } from './postgres/postgres-idempotency-ledger';
export * from './port/read-whole-stream';
export {
  checkKurrentDbConnectionString,
  kurrentDbStoreIdentity,
  type KurrentDbConnectionInfo,
} from './kurrentdb/kurrentdb-connection';
