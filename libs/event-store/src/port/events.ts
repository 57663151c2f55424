import type { Position } from './position';

/** Metadata every event carries (README, Architecture). */
export interface EventMetadata {
  correlationId: string;
  causationId: string;
  actorId: string;
  jurisdiction?: string;
  occurredAt: string;
  drillId?: string;
  schemaVersion: number;
  /** Set when the append came from an HTTP request with an Idempotency-Key (hash of the request). */
  idempotencyKey?: string;
  requestHash?: string;
  [key: string]: unknown;
}

/** An event as handed to `append`. `type` is a stable string literal, never a class name. */
export interface EventToAppend {
  id: string;
  type: string;
  data: unknown;
  metadata: EventMetadata;
}

/** An event as read back from a stream or the global log. */
export interface RecordedEvent {
  id: string;
  type: string;
  streamName: string;
  /** 0-based revision inside its stream. */
  revision: bigint;
  position: Position;
  data: unknown;
  metadata: EventMetadata;
  /** When the store recorded it (not when it happened: that is metadata.occurredAt). */
  recordedAt: Date;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextRevision: bigint;
  /** Global position of the last appended event. */
  position: Position;
}

export type Direction = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  direction?: Direction;
  /** Inclusive start; `'start'` / `'end'` or a revision. Defaults to the start (forwards) or end (backwards). */
  fromRevision?: bigint | 'start' | 'end';
  maxCount?: number;
}

/** Restricts a global read or subscription to some streams or event types. */
export type GlobalFilter =
  { kind: 'category'; categories: readonly string[] } | { kind: 'eventTypePrefix'; prefixes: readonly string[] };

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omit to read from the beginning. */
  after?: Position;
  maxCount?: number;
  filter?: GlobalFilter;
}

export interface SubscribeAllOptions {
  /** Exclusive checkpoint: delivery starts with the first event after it. */
  fromExclusive?: Position;
  filter?: GlobalFilter;
}

export type SubscriptionMessage =
  | { kind: 'event'; event: RecordedEvent }
  /** Everything committed up to `position` was delivered; later messages are live. */
  | { kind: 'caughtUp'; position: Position | undefined }
  /**
   * Every event up to `position` that the filter matches was delivered before this message: a consumer may store the
   * position as its checkpoint, so that a restart does not scan the skipped part of the log again. Sent by stores that
   * filter on the server (KurrentDB: the filter's checkpoints); never ahead of an event it vouches for.
   */
  | { kind: 'checkpoint'; position: Position };

export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  close(): Promise<void>;
}

/** The stream name's category is the part before the first dash (`incident-…` → `incident`). */
export function categoryOf(streamName: string): string {
  const dash = streamName.indexOf('-');
  return dash === -1 ? streamName : streamName.slice(0, dash);
}
