import { nameBasedUuid } from '@app/shared';

/** Fixed namespace for name-based (v5) ids derived from idempotency keys. Never change it: ids would move. */
const NAMESPACE = '6f1c2a8e-6a3b-5d7e-9f10-3c2b1a0e9d84';

/**
 * The id of the n-th event a keyed request appends to a stream. Retrying the request yields the same ids: the key
 * record's reservation recognises its own events by the first one, and the store's retry-by-ids rule (an append
 * repeated at the revision it first expected stores nothing) backs it up. Scoped by actor: keys are the actor's.
 * Events stored before the key record existed used ids without the actor; their keys were carried into the record.
 */
export function idempotentEventId(streamName: string, actorId: string, idempotencyKey: string, index: number): string {
  return nameBasedUuid(`event|${streamName}|${actorId}|${idempotencyKey}|${index}`, NAMESPACE);
}

/** A new aggregate's id for a keyed create request, scoped by actor so two users' keys never collide. */
export function idempotentAggregateId(kind: string, actorId: string, idempotencyKey: string): string {
  return nameBasedUuid(`${kind}|${actorId}|${idempotencyKey}`, NAMESPACE);
}
