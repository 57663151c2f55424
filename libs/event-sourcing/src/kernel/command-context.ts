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
}
