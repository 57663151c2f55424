import { randomUUID } from 'node:crypto';
import { nameBasedUuid } from '@app/shared';
import { AppendKeyReusedError, comparePositions, type AppendKey, type EventStore, type EventToAppend } from '../index';
import { events, freshCategory, newEvent, streamIn } from './contract-fixtures';

const NAMESPACE = '0b8f3c52-0d7e-4f55-9a0e-5d7f1f2b6c11';

/** A keyed request's events as the command kernel builds them: ids derived from stream, actor, key and index. */
function keyedEvents(streamName: string, key: AppendKey, n: number, note = 'keyed'): EventToAppend[] {
  return Array.from({ length: n }, (_, i) => {
    const event = newEvent('KeyedAppended', { i, note });
    return {
      ...event,
      id: nameBasedUuid(`${streamName}|${key.actorId}|${key.key}|${i}`, NAMESPACE),
      metadata: {
        ...event.metadata,
        actorId: key.actorId,
        idempotencyKey: key.key,
        ...(key.requestHash ? { requestHash: key.requestHash } : {}),
      },
    };
  });
}

/**
 * What every store's Idempotency-Key record promises (the port's `idempotency`): under one key, events reach a
 * stream at most once whatever happened to the stream since, and the record says where they are.
 */
export function describeIdempotencyLedgerContract(getStore: () => EventStore): void {
  describe('idempotency key record', () => {
    const keyOf = (requestHash = 'hash-a'): AppendKey => ({
      actorId: `actor-${randomUUID()}`,
      key: randomUUID(),
      requestHash,
    });

    it('a keyed append is recorded with its revisions and position', async () => {
      const store = getStore();
      const stream = streamIn(freshCategory());
      const key = keyOf();
      await store.append(stream, events(1), 'no_stream');
      const outcome = await store.idempotency.appendOnce(store, stream, keyedEvents(stream, key, 2), 0n, key);
      if (!('appended' in outcome)) throw new Error('expected a fresh append');
      const recalled = await store.idempotency.recall(store, stream, key);
      expect(recalled).toMatchObject({ streamName: stream, firstRevision: 1n, lastRevision: 2n });
      expect(comparePositions(recalled!.position, outcome.appended.position)).toBe(0);
    });

    it('the same key after the stream moved on appends nothing and answers the first append', async () => {
      const store = getStore();
      const stream = streamIn(freshCategory());
      const key = keyOf();
      await store.idempotency.appendOnce(store, stream, keyedEvents(stream, key, 1), 'no_stream', key);
      await store.append(stream, events(2), 0n);
      const retry = await store.idempotency.appendOnce(store, stream, keyedEvents(stream, key, 1, 'retry'), 2n, key);
      expect(retry).toMatchObject({ recorded: { firstRevision: 0n, lastRevision: 0n } });
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual([
        'KeyedAppended',
        'ContractTested',
        'ContractTested',
      ]);
    });

    it('a key is bound to its request: another request hash is refused and stores nothing', async () => {
      const store = getStore();
      const stream = streamIn(freshCategory());
      const key = keyOf('hash-a');
      await store.idempotency.appendOnce(store, stream, keyedEvents(stream, key, 1), 'no_stream', key);
      const other = { ...key, requestHash: 'hash-b' };
      await expect(store.idempotency.recall(store, stream, other)).rejects.toBeInstanceOf(AppendKeyReusedError);
      const elsewhere = streamIn(freshCategory());
      await expect(
        store.idempotency.appendOnce(store, elsewhere, keyedEvents(elsewhere, other, 1), 'no_stream', other),
      ).rejects.toBeInstanceOf(AppendKeyReusedError);
      await expect(store.readStream(elsewhere)).rejects.toThrow();
    });

    it('one key may append once to each of several streams (a request that writes two aggregates)', async () => {
      const store = getStore();
      const [a, b] = [streamIn(freshCategory()), streamIn(freshCategory())];
      const key = keyOf();
      await store.idempotency.appendOnce(store, a, keyedEvents(a, key, 1), 'no_stream', key);
      await store.idempotency.appendOnce(store, b, keyedEvents(b, key, 2), 'no_stream', key);
      await expect(store.idempotency.recall(store, a, key)).resolves.toMatchObject({ lastRevision: 0n });
      await expect(store.idempotency.recall(store, b, key)).resolves.toMatchObject({ lastRevision: 1n });
      await expect(store.idempotency.recall(store, a, keyOf())).resolves.toBeUndefined();
    });

    it('concurrent attempts under one key append once', async () => {
      const store = getStore();
      const stream = streamIn(freshCategory());
      const key = keyOf();
      await store.append(stream, events(1), 'no_stream');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 6 }, () =>
          store.idempotency.appendOnce(store, stream, keyedEvents(stream, key, 2), 0n, key),
        ),
      );
      const stored = await store.readStream(stream);
      expect(stored.filter((e) => e.type === 'KeyedAppended')).toHaveLength(2);
      expect(outcomes.some((o) => o.status === 'fulfilled')).toBe(true);
      await expect(store.idempotency.recall(store, stream, key)).resolves.toMatchObject({
        firstRevision: 1n,
        lastRevision: 2n,
      });
    });
  });
}
