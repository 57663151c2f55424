/** Who asked, why, and under which request: becomes the metadata of every event the command appends. */
export interface CommandContext {
  correlationId: string;
  /** The id of the message (request or event) that caused this command. */
  causationId: string;
  actorId: string;
  jurisdiction?: string;
  drillId?: string;
  /** From the `Idempotency-Key` header: turns into deterministic event ids. */
  idempotencyKey?: string;
  /** Hash of the request body, to refuse a reused key with a different request. */
  requestHash?: string;
  /** From `If-Match`: the revision the client saw; a mismatch is a 409 instead of a retry. */
  expectedRevision?: bigint;
}
