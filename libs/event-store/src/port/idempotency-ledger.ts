import type { EventStore } from './event-store.port';
import type { AppendResult, EventToAppend } from './events';
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

/**
 * The record of Idempotency-Keys, kept beside the event store (in PostgreSQL whichever store is configured), so that
 * a keyed command appends to a stream at most once whatever the store promises about event ids
 * (docs/adr/0011-idempotency-across-stores.md). Every method takes the store to read and append through, so a
 * decorated store (one that times appends) sees keyed appends too.
 */
export interface IdempotencyLedger {
  /**
   * The append recorded under `key` on `streamName`, whatever snapshots or later events exist; undefined when the key
   * appended nothing there. Throws AppendKeyReusedError when the key is bound to another request.
   */
  recall(store: EventStore, streamName: string, key: AppendKey): Promise<KeyedAppend | undefined>;

  /**
   * Appends `events` (whose ids derive from the key) with an exact expected revision, recording them under `key`.
   * Answers `recorded` when an earlier attempt under the key already stored its events on this stream (nothing is
   * appended). Throws WrongExpectedVersionError when the stream moved: the caller reloads, recalls and decides again.
   */
  appendOnce(store: EventStore, streamName: string, events: readonly EventToAppend[], expected: bigint | 'no_stream', key: AppendKey): Promise<AppendOnceResult>;
}
