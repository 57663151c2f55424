import type { Position } from '@app/event-store';

/** Who asked, why, and under which request: becomes the metadata of every event the command appends. */
export interface CommandContext {
  correlationId: string;
  /** The id of the message (request or event) that caused this command. */
  causationId: string;
  actorId: string;
  /** The actor's sign-in name, so the audit trail and timeline read as people, not ids. */
  actorName?: string;
  /** The actor's roles when the command was decided, kept in every event's metadata for the audit trail. */
  actorRoles?: readonly string[];
  /**
   * The person whose command set a process manager's command going (kept in the metadata as `onBehalfOfId` /
   * `onBehalfOfName`), so a log can name the person behind what the process wrote.
   */
  onBehalfOf?: { id: string; name?: string };
  /**
   * Jurisdictions the actor may act in. When set, an existing aggregate outside them is answered as not found
   * (existence must not leak across jurisdictions); unset for system actors such as process managers.
   */
  visibleJurisdictions?: readonly string[];
  jurisdiction?: string;
  drillId?: string;
  /** From the `Idempotency-Key` header: recorded with what the command appends, so a retry never appends twice (ADR 0011). */
  idempotencyKey?: string;
  /** Hash of the request body, to refuse a reused key with a different request. */
  requestHash?: string;
  /** From `If-Match`: the revision the client saw; a mismatch is a 409 instead of a retry. */
  expectedRevision?: bigint;
  /**
   * Set when the Idempotency-Key already stored events (the first attempt committed but its answer was lost). The
   * kernel answers such a request from the key record; checks made outside the decider (drill rules, "incident still
   * open" on a read model) are not made again, or a retry would be refused for what happened after its first attempt.
   */
  keyApplied?: boolean;
  /**
   * Told of every decision with what it did (appended, answered from the key record, or nothing) and whether the
   * read models the answer is built from caught up: once events are stored the caller must say so whatever fails
   * afterwards (the HTTP layer answers 202 instead of an error, docs/api.md "Retries and first answers").
   */
  onDecided?: (decision: Decision) => void;
}

/** What one command decided on one aggregate, as the HTTP layer needs it to answer 202 when the read models lag. */
export interface Decision {
  /** The aggregate's stream category (`incident`, `team`…). */
  category: string;
  id: string;
  /** Where the aggregate is read over HTTP (`/incidents/<id>`), when it has such a resource. */
  location?: string;
  /** The stream's revision after the decision; undefined while the stream has no events. */
  revision: bigint | undefined;
  /** Position of the last event stored by the decision (or its first attempt); undefined when it decided nothing. */
  position: Position | undefined;
  /** The events were stored by an earlier attempt with the same Idempotency-Key. */
  replayed: boolean;
  /** False when a read model the answer is built from had not applied the decision's events in time. */
  readModelsCaughtUp: boolean;
}
