/**
 * Snapshots for long streams (a warehouse's years of receipts and allocations). A decider opts in with a schema
 * `version` (bump it when the state's shape changes: older snapshots are then ignored) and `every` (how many new
 * events justify a new snapshot). The state must be plain JSON.
 */
export interface Snapshotting {
  version: number;
  every: number;
}

export interface Snapshot {
  revision: bigint;
  state: unknown;
}

export interface SnapshotStore {
  load(streamName: string, version: number): Promise<Snapshot | undefined>;
  /** Keeps the newest snapshot per stream and version; an older one never overwrites a newer one. */
  save(streamName: string, version: number, snapshot: Snapshot): Promise<void>;
}
