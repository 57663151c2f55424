import type { AppendResult } from './events';
import type { Position } from './position';

/** Who sent a keyed request: an Idempotency-Key is the actor's, and bound to one request (its hash). */
export interface AppendKey {
  actorId: string;
  key: string;
  /** Hash of the request; the same key with another hash is refused. Internal keys (process managers) have none. */
  requestHash?: string;
}

/** What an append under a key stored on one stream. */
export interface KeyedAppend {
  streamName: string;
  firstRevision: bigint;
  lastRevision: bigint;
  /** Global position of the last event. */
  position: Position;
}

export type AppendOnceResult = { appended: AppendResult } | { recorded: KeyedAppend };
