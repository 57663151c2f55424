import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  NoStreamError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError as ClientStreamNotFoundError,
  StreamTombstonedError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
  convertToCommandError,
} from '@kurrent/kurrentdb-client';
import {
  EventStoreAccessDeniedError,
  EventStoreError,
  EventStoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedVersionError,
} from '../port/errors';
import type { ExpectedRevision } from '../port/expected-revision';
import { fromClientExpected, toActualRevision } from './kurrentdb-mapping';

export interface ErrorContext {
  streamName?: string;
  /** What the caller asked for; the client's error may only hold the server's raw number for it. */
  expected?: ExpectedRevision;
}

/** Plain errors below the client (discovery, sockets) that mean the server could not be reached. */
const UNREACHABLE = /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|No connection established|discover/i;

/**
 * Translates whatever the client threw into the port's errors; anything else is returned unchanged so the
 * caller sees the original failure. Returns rather than throws, so callers can inspect before rethrowing.
 */
export function toEventStoreError(error: unknown, context: ErrorContext = {}): unknown {
  if (error instanceof EventStoreError) return error;
  const converted = toCommandError(error);

  if (converted instanceof ClientWrongExpectedVersionError) {
    return new WrongExpectedVersionError(
      context.streamName ?? converted.streamName,
      context.expected ?? fromClientExpected(converted.expectedState),
      toActualRevision(converted.actualState),
    );
  }
  // A deleted or tombstoned stream reads as not found: the port knows only soft delete, which hides the stream.
  if (converted instanceof ClientStreamNotFoundError || converted instanceof NoStreamError) {
    return new StreamNotFoundError(context.streamName ?? streamNameOf(converted));
  }
  if (converted instanceof StreamDeletedError)
    return new StreamNotFoundError(context.streamName ?? converted.streamName);
  if (converted instanceof StreamTombstonedError)
    return new StreamNotFoundError(context.streamName ?? converted.stream);

  if (converted instanceof AccessDeniedError) {
    return new EventStoreAccessDeniedError(
      `KurrentDB denied access${context.streamName ? ` to ${context.streamName}` : ''}: ${messageOf(converted)} ` +
        "(check the connection string's user and its stream permissions, docs/kurrentdb.md)",
      { cause: error },
    );
  }
  if (isTransient(converted)) {
    return new EventStoreUnavailableError(`KurrentDB unavailable: ${messageOf(converted)}`, { cause: error });
  }
  return converted;
}

/**
 * Errors raised by the gRPC layer (appends, deletes, subscriptions) can arrive as raw ServiceErrors, e.g. a
 * refused connection on append; the client's own converter turns them into its typed errors. It reads fields a
 * ServiceError always has, so a foreign error that merely looks like one must not make it throw.
 */
function toCommandError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  try {
    return convertToCommandError(error);
  } catch {
    return error;
  }
}

function isTransient(error: unknown): boolean {
  return (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError ||
    // The client reconnects to the leader on its own; until it has, the store is unavailable to us.
    error instanceof NotLeaderError ||
    (error instanceof Error && UNREACHABLE.test(error.message))
  );
}

function streamNameOf(error: ClientStreamNotFoundError | NoStreamError): string {
  return 'streamName' in error ? error.streamName : '';
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}
