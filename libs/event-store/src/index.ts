export * from './port/position';
export * from './port/expected-revision';
export * from './port/events';
export * from './port/errors';
export * from './port/event-store.port';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
export * from './port/read-whole-stream';
