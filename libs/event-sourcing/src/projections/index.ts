// Projection runtime on TypeORM: import from `@app/event-sourcing/projections` (infrastructure, not domain).
export * from './projection';
export * from './process-manager';
export * from './projection-runner';
export type { BatchWrapper } from './projection-worker';
export * from './checkpoint-store';
export * from './live-delta-buffer';
export { PROJECTION_RUNNER, LIVE_DELTA_BUS, SNAPSHOT_STORE } from './tokens';
export { PostgresSnapshotStore } from './postgres-snapshot-store';
export { insertRows, RowBatch, upsertRows } from './upsert-rows';
export type { ParkedEvent } from './parked-events';
export { LiveViewChanges } from './live-delta-changes';
