import type { Position, SubscriptionMessage } from '@app/event-store';

/**
 * Takes what the subscription can hand over without waiting: the first message (awaited), then every message
 * already buffered, up to `maxSize`; a caught-up signal ends the batch. A `next()` that is still pending when
 * the batch closes is kept for the following call, so nothing is dropped (nor a failure that ended the batch).
 */
export class MessageBatcher {
  private pending: Promise<IteratorResult<SubscriptionMessage>> | undefined;

  constructor(private readonly iterator: AsyncIterator<SubscriptionMessage>) {}

  async next(maxSize: number): Promise<{ messages: SubscriptionMessage[]; done: boolean }> {
    const messages: SubscriptionMessage[] = [];
    for (;;) {
      const next = this.pending ?? this.iterator.next();
      this.pending = next;
      let result: IteratorResult<SubscriptionMessage> | typeof IMMEDIATE;
      try {
        result = messages.length === 0 ? await next : await Promise.race([next, immediately()]);
      } catch (error) {
        // The messages before a failure are handed over first; the failed `next()` stays pending and the following
        // call throws it, so the consumer's checkpoint reaches the last message the subscription delivered.
        if (messages.length > 0) return { messages, done: false };
        this.pending = undefined;
        throw error;
      }
      if (result === IMMEDIATE) return { messages, done: false };
      this.pending = undefined;
      if (result.done) return { messages, done: true };
      messages.push(result.value);
      if (result.value.kind === 'caughtUp' || messages.length >= maxSize) return { messages, done: false };
    }
  }
}

const IMMEDIATE = Symbol('immediate');

/** Resolves after pending I/O callbacks: anything already buffered resolves before it. */
function immediately(): Promise<typeof IMMEDIATE> {
  return new Promise((resolve) => setImmediate(() => resolve(IMMEDIATE)));
}

/**
 * The store's own checkpoint that a batch ends with: the position of the last `checkpoint` message that comes after
 * every event of the batch (one before an event is superseded by that event's position). Once the batch's events are
 * applied, the projection may store it: the store vouches that nothing it matches lies between.
 */
export function trailingCheckpoint(messages: readonly SubscriptionMessage[]): Position | undefined {
  let checkpoint: Position | undefined;
  for (const message of messages) {
    if (message.kind === 'event') checkpoint = undefined;
    else if (message.kind === 'checkpoint') checkpoint = message.position;
  }
  return checkpoint;
}
