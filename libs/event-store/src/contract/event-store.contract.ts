import {
  comparePositions,
  EventStoreError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventStore,
  type RecordedEvent,
} from '../index';
import { collect, events, expectStrictlyIncreasing, freshCategory, newEvent, streamIn } from './contract-fixtures';
import { describeConcurrencyContract } from './concurrency.contract';
import { describeIdempotencyLedgerContract } from './idempotency-ledger.contract';

/**
 * The one contract every adapter must satisfy (README, Architecture; docs/adr/0001). Each adapter's int spec
 * calls this with a factory for a connected store.
 */
export function describeEventStoreContract(adapter: string, connect: () => Promise<EventStore>): void {
  describe(`EventStore contract: ${adapter}`, () => {
    let store: EventStore;
    beforeAll(async () => {
      store = await connect();
    });
    afterAll(async () => {
      await store?.close();
    });

    describe('append with expected revision', () => {
      it('no_stream creates the stream with 0-based revisions and returns the last one', async () => {
        const stream = streamIn(freshCategory());
        const result = await store.append(stream, events(3), 'no_stream');
        expect(result.nextRevision).toBe(2n);
        const read = await store.readStream(stream);
        expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(comparePositions(read[2]!.position, result.position)).toBe(0);
      });

      it('no_stream on an existing stream is a wrong expected version naming the actual revision', async () => {
        const stream = streamIn(freshCategory());
        await store.append(stream, events(2), 'no_stream');
        const error = await store.append(stream, events(1), 'no_stream').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect((error as WrongExpectedVersionError).actual).toBe(1n);
      });

      it('stream_exists fails on a missing stream and succeeds on an existing one', async () => {
        const stream = streamIn(freshCategory());
        const missing = await store.append(stream, events(1), 'stream_exists').catch((e: unknown) => e);
        expect(missing).toBeInstanceOf(WrongExpectedVersionError);
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
        await store.append(stream, events(1), 'any');
        await expect(store.append(stream, events(1), 'stream_exists')).resolves.toMatchObject({ nextRevision: 1n });
      });

      it('an exact revision succeeds when current and fails when stale', async () => {
        const stream = streamIn(freshCategory());
        await store.append(stream, events(2), 'no_stream');
        await expect(store.append(stream, events(1), 1n)).resolves.toMatchObject({ nextRevision: 2n });
        const stale = await store.append(stream, events(1), 1n).catch((e: unknown) => e);
        expect(stale).toBeInstanceOf(WrongExpectedVersionError);
        expect((stale as WrongExpectedVersionError).actual).toBe(2n);
        expect((await store.readStream(stream)).length).toBe(3);
      });

      it('any appends whatever the state', async () => {
        const stream = streamIn(freshCategory());
        await expect(store.append(stream, events(1), 'any')).resolves.toMatchObject({ nextRevision: 0n });
        await expect(store.append(stream, events(1), 'any')).resolves.toMatchObject({ nextRevision: 1n });
      });

      it('keeps type, data and metadata as given', async () => {
        const stream = streamIn(freshCategory());
        const event = newEvent('IncidentReported', { title: '化工厂泄漏', deaths: 0 });
        await store.append(stream, [event], 'no_stream');
        const [read] = await store.readStream(stream);
        expect(read).toMatchObject({ id: event.id, type: 'IncidentReported', streamName: stream, data: event.data });
        expect(read!.metadata).toMatchObject(event.metadata);
      });
    });

    describe('idempotent append by event id', () => {
      it('the same ids at the same expected revision are a no-op returning the original result', async () => {
        const stream = streamIn(freshCategory());
        await store.append(stream, events(1), 'no_stream');
        const batch = events(2);
        const first = await store.append(stream, batch, 0n);
        const again = await store.append(stream, batch, 0n);
        expect(again.nextRevision).toBe(first.nextRevision);
        expect(comparePositions(again.position, first.position)).toBe(0);
        expect((await store.readStream(stream)).length).toBe(3);
      });

      it('the same ids on a new stream with no_stream are a no-op', async () => {
        const stream = streamIn(freshCategory());
        const batch = events(2);
        const first = await store.append(stream, batch, 'no_stream');
        const again = await store.append(stream, batch, 'no_stream');
        expect(again.nextRevision).toBe(first.nextRevision);
        expect((await store.readStream(stream)).length).toBe(2);
      });

      it('ids that only partly match an earlier append are a conflict and append nothing', async () => {
        const stream = streamIn(freshCategory());
        const batch = events(2);
        await store.append(stream, batch, 'no_stream');
        const error = await store.append(stream, [batch[0]!, newEvent()], 'no_stream').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(EventStoreError);
        expect(['IDEMPOTENCY_CONFLICT', 'WRONG_EXPECTED_VERSION']).toContain((error as EventStoreError).code);
        expect((await store.readStream(stream)).length).toBe(2);
      });

      it('the same ids at the revision they first expected are still a no-op after the stream moved on', async () => {
        const stream = streamIn(freshCategory());
        await store.append(stream, events(1), 'no_stream');
        const batch = events(2);
        const first = await store.append(stream, batch, 0n);
        await store.append(stream, events(1), 2n);
        const again = await store.append(stream, batch, 0n);
        expect(again.nextRevision).toBe(first.nextRevision);
        expect(comparePositions(again.position, first.position)).toBe(0);
        expect((await store.readStream(stream)).length).toBe(4);
      });

      // The rule the key record's reservations rest on: once a revision is passed by other events, no append that
      // expects it can ever succeed, so an attempt pinned to it can be abandoned safely.
      it('an append expecting a passed revision, whose first id is not the event after it, stores nothing', async () => {
        const stream = streamIn(freshCategory());
        await store.append(stream, events(2), 'no_stream');
        await store.append(stream, events(1), 1n);
        const error = await store.append(stream, events(2), 1n).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect((await store.readStream(stream)).length).toBe(3);
      });
    });

    describe('reading a stream', () => {
      let stream: string;
      beforeAll(async () => {
        stream = streamIn(freshCategory());
        await store.append(stream, events(10), 'no_stream');
      });

      it('forwards from a revision with a max count', async () => {
        const read = await store.readStream(stream, { fromRevision: 3n, maxCount: 4 });
        expect(read.map((e) => e.revision)).toEqual([3n, 4n, 5n, 6n]);
      });

      it('backwards from the end and from a revision', async () => {
        const fromEnd = await store.readStream(stream, { direction: 'backwards', maxCount: 3 });
        expect(fromEnd.map((e) => e.revision)).toEqual([9n, 8n, 7n]);
        const fromFive = await store.readStream(stream, { direction: 'backwards', fromRevision: 5n, maxCount: 2 });
        expect(fromFive.map((e) => e.revision)).toEqual([5n, 4n]);
      });

      it('an unknown stream is StreamNotFound', async () => {
        await expect(store.readStream(streamIn(freshCategory()))).rejects.toBeInstanceOf(StreamNotFoundError);
      });
    });

    describe('soft delete', () => {
      it('hides the stream, and a later append continues the numbering', async () => {
        const stream = streamIn(freshCategory());
        await store.append(stream, events(3), 'no_stream');
        await store.deleteStream(stream, 2n);
        await expect(store.readStream(stream)).rejects.toBeInstanceOf(StreamNotFoundError);
        const result = await store.append(stream, events(1), 'any');
        expect(result.nextRevision).toBe(3n);
        const read = await store.readStream(stream);
        expect(read.map((e) => e.revision)).toEqual([3n]);
      });

      it('refuses a delete at a stale revision', async () => {
        const stream = streamIn(freshCategory());
        await store.append(stream, events(2), 'no_stream');
        await expect(store.deleteStream(stream, 0n)).rejects.toBeInstanceOf(WrongExpectedVersionError);
        expect((await store.readStream(stream)).length).toBe(2);
      });
    });

    describe('the global log', () => {
      it('reads from a position, in order, filtered by category', async () => {
        const category = freshCategory();
        const a = streamIn(category);
        const b = streamIn(category);
        await store.append(a, events(2), 'no_stream');
        const mid = await store.append(b, events(2), 'no_stream');
        await store.append(a, events(1), 1n);
        await store.append(streamIn(freshCategory()), events(1), 'no_stream');
        const all = await readAllSettled(store, category, 5);
        expect(all.map((e) => [e.streamName, e.revision])).toEqual([
          [a, 0n],
          [a, 1n],
          [b, 0n],
          [b, 1n],
          [a, 2n],
        ]);
        expectStrictlyIncreasing(all);
        const after = await store.readAll({
          after: mid.position,
          filter: { kind: 'category', categories: [category] },
        });
        expect(after.map((e) => [e.streamName, e.revision])).toEqual([[a, 2n]]);
      });

      it('filters by event-type prefix', async () => {
        const category = freshCategory();
        const prefix = `Pfx${category}`;
        const stream = streamIn(category);
        await store.append(
          stream,
          [newEvent(`${prefix}Reported`), newEvent('OtherThing'), newEvent(`${prefix}Closed`)],
          'no_stream',
        );
        const read = await eventually(async () => {
          const found = await store.readAll({ filter: { kind: 'eventTypePrefix', prefixes: [prefix] }, maxCount: 100 });
          return found.length === 2 ? found : undefined;
        });
        expect(read.map((e) => e.type)).toEqual([`${prefix}Reported`, `${prefix}Closed`]);
      });
    });

    describe('subscribing to the global log', () => {
      it('starts after an exclusive checkpoint, signals caught-up, then delivers live events', async () => {
        const category = freshCategory();
        const stream = streamIn(category);
        await store.append(stream, events(2), 'no_stream');
        const [first] = await readAllSettled(store, category, 2);
        const subscription = store.subscribeAll({
          fromExclusive: first!.position,
          filter: { kind: 'category', categories: [category] },
        });
        try {
          const caughtUp = await collect(subscription, (_, m) => m.some((x) => x.kind === 'caughtUp'));
          expect(caughtUp.events.map((e) => e.revision)).toEqual([1n]);
          await store.append(stream, events(2), 1n);
          const live = await collect(subscription, (r) => r.length >= 2);
          expect(live.events.map((e) => e.revision)).toEqual([2n, 3n]);
        } finally {
          await subscription.close();
        }
      });

      it('with an event-type prefix filter delivers only matching types', async () => {
        const category = freshCategory();
        const prefix = `Sub${category}`;
        const subscription = store.subscribeAll({ filter: { kind: 'eventTypePrefix', prefixes: [prefix] } });
        try {
          await collect(subscription, (_, m) => m.some((x) => x.kind === 'caughtUp'), 60_000);
          await store.append(
            streamIn(category),
            [newEvent('Unrelated'), newEvent(`${prefix}A`), newEvent(`${prefix}B`)],
            'no_stream',
          );
          const live = await collect(subscription, (r) => r.length >= 2);
          expect(live.events.map((e) => e.type)).toEqual([`${prefix}A`, `${prefix}B`]);
        } finally {
          await subscription.close();
        }
      });
    });

    describeConcurrencyContract(() => store);
    describeIdempotencyLedgerContract(() => store);
  });
}

/** Reads this category's events once they are all visible (a global reader may lag a running transaction). */
export async function readAllSettled(store: EventStore, category: string, count: number): Promise<RecordedEvent[]> {
  return eventually(async () => {
    const found = await store.readAll({ filter: { kind: 'category', categories: [category] }, maxCount: 1000 });
    return found.length >= count ? found : undefined;
  });
}

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
