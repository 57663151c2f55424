import { describeExpected, type ExpectedRevision } from './expected-revision';
import type { KeyedAppend } from './idempotency-ledger';
import type { Position } from './position';

/** Base of every error the port raises; adapters translate their client's errors into these. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
}

/** The stream was not at the revision the append (or delete) expected. */
export class WrongExpectedVersionError extends EventStoreError {
  readonly code = 'WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** The actual current revision, or 'no_stream'. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(
      `stream ${streamName}: expected revision ${describeExpected(expected)}, actual ${typeof actual === 'bigint' ? actual.toString() : actual}`,
    );
    this.name = 'WrongExpectedVersionError';
  }
}

/** Some, but not all, of the appended event ids are already in the stream: a retry that changed its batch. */
export class IdempotencyConflictError extends EventStoreError {
  readonly code = 'IDEMPOTENCY_CONFLICT';
  constructor(
    readonly streamName: string,
    readonly eventIds: readonly string[],
  ) {
    super(`stream ${streamName}: event ids only partly match an earlier append`);
    this.name = 'IdempotencyConflictError';
  }
}

export class StreamNotFoundError extends EventStoreError {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly streamName: string) {
    super(`stream ${streamName} not found`);
    this.name = 'StreamNotFoundError';
  }
}

/** The store could not be reached or answered with an unexpected failure. */
export class EventStoreUnavailableError extends EventStoreError {
  readonly code = 'EVENT_STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}

/**
 * The store refused our credentials or their permissions (KurrentDB: the connection's user lacks a stream ACL, or the
 * password changed). Not the caller's fault and not passing by itself: an operator must fix the store's users.
 */
export class EventStoreAccessDeniedError extends EventStoreError {
  readonly code = 'EVENT_STORE_ACCESS_DENIED';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreAccessDeniedError';
  }
}

/**
 * A stored record a subscription cannot turn into an event (data that is not JSON, metadata missing or not ours).
 * Subscriptions stop on it rather than skip it: the record is in the log for good, so skipping would lose it from every
 * read model silently; an operator decides (docs/operations.md, An event that cannot be read).
 */
export class UndecodableEventError extends EventStoreError {
  readonly code = 'UNDECODABLE_EVENT';
  constructor(
    readonly streamName: string,
    readonly position: Position,
    readonly eventType: string,
    readonly eventId: string,
    readonly reason: string,
  ) {
    super(
      `undecodable event ${eventType} ${eventId} in ${streamName} at ${position.commit}/${position.prepare}: ${reason}`,
    );
    this.name = 'UndecodableEventError';
  }
}

/** An Idempotency-Key sent again with another request (its hash differs from the one the key is bound to). */
export class AppendKeyReusedError extends EventStoreError {
  readonly code = 'APPEND_KEY_REUSED';
  constructor(readonly key: string) {
    super(`idempotency key ${key} is bound to another request`);
    this.name = 'AppendKeyReusedError';
  }
}

/**
 * PostgreSQL only: a keyed append whose key already stored events on this stream (a retry that raced its first
 * attempt). Nothing was appended; `record` says what the first attempt stored.
 */
export class AppendKeyRecordedError extends EventStoreError {
  readonly code = 'APPEND_KEY_RECORDED';
  constructor(readonly record: KeyedAppend) {
    super(`stream ${record.streamName}: events of this idempotency key are already stored`);
    this.name = 'AppendKeyRecordedError';
  }
}
