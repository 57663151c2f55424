import { randomUUID } from 'node:crypto';
import type { EventToAppend, RecordedEvent, Subscription, SubscriptionMessage } from '../port/events';
import { comparePositions } from '../port/position';

/** A category no other test uses, so global reads can be filtered to this test's streams in a shared database. */
export function freshCategory(): string {
  return `ct${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

export function streamIn(category: string): string {
  return `${category}-${randomUUID()}`;
}

export function newEvent(type = 'ContractTested', data: Record<string, unknown> = {}): EventToAppend {
  return {
    id: randomUUID(),
    type,
    data: { ...data, note: 'contract' },
    metadata: {
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actorId: 'contract-suite',
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  };
}

export function events(n: number, type?: string): EventToAppend[] {
  return Array.from({ length: n }, (_, i) => newEvent(type, { i }));
}

/**
 * A `next()` that lost a race against the deadline is still owed a message; it is kept here and awaited by
 * the following `collect` so no message is dropped between calls.
 */
const pendingNext = new WeakMap<Subscription, Promise<IteratorResult<SubscriptionMessage>>>();

/** Drains a subscription into an array until `until` holds or the deadline passes. */
export async function collect(
  subscription: Subscription,
  until: (received: RecordedEvent[], messages: SubscriptionMessage[]) => boolean,
  timeoutMs = 15_000,
): Promise<{ events: RecordedEvent[]; messages: SubscriptionMessage[] }> {
  const received: RecordedEvent[] = [];
  const messages: SubscriptionMessage[] = [];
  const iterator = subscription[Symbol.asyncIterator]();
  const deadline = Date.now() + timeoutMs;
  while (!until(received, messages)) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    let timer: NodeJS.Timeout | undefined;
    const pending = pendingNext.get(subscription) ?? iterator.next();
    pendingNext.set(subscription, pending);
    const next = await Promise.race([
      pending,
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), remaining))),
    ]);
    clearTimeout(timer);
    if (next === 'timeout') break;
    pendingNext.delete(subscription);
    if (next.done) break;
    messages.push(next.value);
    if (next.value.kind === 'event') received.push(next.value.event);
  }
  return { events: received, messages };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function expectStrictlyIncreasing(list: RecordedEvent[]): void {
  for (let i = 1; i < list.length; i++) {
    expect(comparePositions(list[i - 1]!.position, list[i]!.position)).toBe(-1);
  }
}
