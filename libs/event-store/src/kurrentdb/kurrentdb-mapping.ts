import {
  ANY,
  END,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  jsonEvent,
  type AllStreamResolvedEvent,
  type AppendStreamState,
  type CurrentStreamState,
  type EventData,
  type JSONType,
  type ReadRevision,
  type ResolvedEvent,
  type StreamState,
} from '@kurrent/kurrentdb-client';
import { UndecodableEventError } from '../port/errors';
import type { EventMetadata, EventToAppend, RecordedEvent } from '../port/events';
import type { ExpectedRevision } from '../port/expected-revision';

/** Translation between the port's types and the KurrentDB client's; pure, so it is unit-tested on its own. */

export function toAppendState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected;
  }
}

/**
 * The client's soft delete has no `stream_exists` precondition (its StreamState lacks it, and passing the string
 * anyway would be sent as a revision), so for that case the adapter must first look the current revision up.
 */
export type DeletePrecondition = { kind: 'state'; state: StreamState } | { kind: 'current-revision' };

export function toDeletePrecondition(expected: ExpectedRevision): DeletePrecondition {
  switch (expected) {
    case 'any':
      return { kind: 'state', state: ANY };
    case 'no_stream':
      return { kind: 'state', state: NO_STREAM };
    case 'stream_exists':
      return { kind: 'current-revision' };
    default:
      return { kind: 'state', state: expected };
  }
}

/**
 * The client reports a missing stream as `no_stream`, but an error built from gRPC metadata carries the server's
 * raw number: -1 (no stream) or other negative markers (e.g. -5 for a deleted stream). All of them mean "no
 * events the caller could have expected".
 */
export function toActualRevision(actual: CurrentStreamState | undefined): bigint | 'no_stream' {
  if (actual === undefined || actual === NO_STREAM || actual < 0n) return 'no_stream';
  return actual;
}

/** The reverse, for client errors raised without our own expectation at hand. */
export function fromClientExpected(expected: AppendStreamState | undefined): ExpectedRevision {
  if (expected === undefined || expected === ANY) return 'any';
  if (expected === NO_STREAM || expected === STREAM_EXISTS) return expected;
  // Raw gRPC metadata encodes the states as negative numbers (-1 no stream, -2 any, -4 stream exists).
  if (expected === -1n) return 'no_stream';
  if (expected === -4n) return 'stream_exists';
  return expected < 0n ? 'any' : expected;
}

export function toReadRevision(from: bigint | 'start' | 'end'): ReadRevision {
  if (from === 'start') return START;
  if (from === 'end') return END;
  return from;
}

/**
 * A JSON event whose id is our event id, so the server's idempotency by event id applies to retries. The client
 * serializes `data` with JSON.stringify, so any JSON value round-trips, although its type only names objects,
 * arrays and strings; `undefined` becomes null, as in the PostgreSQL adapter.
 */
export function toEventData(event: EventToAppend): EventData {
  return jsonEvent({
    id: event.id,
    type: event.type,
    data: (event.data ?? null) as JSONType,
    metadata: event.metadata,
  });
}

/** Only the parts of a resolved event we read; both stream and $all reads yield this shape. */
export type ClientResolvedEvent = ResolvedEvent | AllStreamResolvedEvent;

/**
 * Maps a resolved event; undefined when it carries no event (an unresolved link). Without `resolveLinkTos`
 * links are delivered as `$>` events themselves, which the system-event filter drops.
 */
export function toRecordedEvent(resolved: ClientResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event) return undefined;
  // Stream reads carry positions on servers after 22.6; the commit position alone is the older fallback.
  const position =
    event.position ??
    (resolved.commitPosition === undefined
      ? undefined
      : { commit: resolved.commitPosition, prepare: resolved.commitPosition });
  if (!position) throw new Error(`KurrentDB returned event ${event.id} without a position (server 22.6+ required)`);
  return {
    id: event.id,
    type: event.type,
    streamName: event.streamId,
    revision: event.revision,
    position: { commit: position.commit, prepare: position.prepare },
    data: event.data,
    metadata: toMetadata(event.metadata),
    recordedAt: event.created,
  };
}

/**
 * Our events always carry a JSON object; an event written by another tool may carry none or bytes. Those get an
 * empty object rather than failing the whole read of the global log.
 */
function toMetadata(metadata: unknown): EventMetadata {
  if (
    typeof metadata === 'object' &&
    metadata !== null &&
    !Array.isArray(metadata) &&
    !(metadata instanceof Uint8Array)
  ) {
    return metadata as EventMetadata;
  }
  return {} as EventMetadata;
}

/** Metadata fields every event of ours carries from its first append on; without them it is not one of ours. */
const REQUIRED_METADATA = ['correlationId', 'actorId', 'occurredAt'] as const;

/**
 * The subscription path's decoding: `toRecordedEvent`, refusing what reads tolerate. The client hands malformed JSON
 * data over as the raw text instead of failing (a debug log is all it says), and bytes for a non-JSON content type;
 * our events' data is never a bare string, so a string stands for data that did not parse. Throws
 * UndecodableEventError naming the stream, position, type and id; undefined for an unresolved link, as
 * `toRecordedEvent`.
 */
export function decodeSubscribedEvent(resolved: ClientResolvedEvent): RecordedEvent | undefined {
  const raw = resolved.event;
  if (!raw) return undefined;
  const event = toRecordedEvent(resolved)!;
  // Server records ($-streams, $-types) are filtered out later and are never ours to decode.
  if (isSystemEvent(event)) return event;
  const refuse = (reason: string): never => {
    throw new UndecodableEventError(event.streamName, event.position, event.type, event.id, reason);
  };
  if (!raw.isJson) refuse('data is not JSON (content type other than application/json)');
  if (typeof raw.data === 'string') refuse('data is not well-formed JSON');
  const metadata: unknown = raw.metadata;
  if (metadata === undefined) refuse('metadata missing');
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata) || metadata instanceof Uint8Array)
    refuse('metadata is not a JSON object');
  const missing = REQUIRED_METADATA.filter((k) => typeof (metadata as Record<string, unknown>)[k] !== 'string');
  if (missing.length > 0) refuse(`metadata lacks ${missing.join(', ')}`);
  return event;
}

/** `$`-prefixed streams and types belong to the server (metadata, projections, links), never to the domain. */
export function isSystemEvent(event: Pick<RecordedEvent, 'type' | 'streamName'>): boolean {
  return event.type.startsWith('$') || event.streamName.startsWith('$');
}
