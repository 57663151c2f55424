// The framework-free event-sourcing kernel. The TypeORM projection runner is in `./projections`.
export * from './kernel/decider';
export * from './kernel/command-context';
export * from './kernel/command-handling';
export * from './kernel/idempotency';
export * from './kernel/upcasting';
export * from './kernel/snapshots';
export * from './projections/live-delta';
export * from './kernel/drill-data-guard';
export * from './kernel/aggregate';
export * from './kernel/command-executor';
export * from './kernel/process-steps';
