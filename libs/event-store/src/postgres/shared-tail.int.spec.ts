import { PostgresEventStore } from './postgres-event-store';
import type { RecordedEvent } from '../port/events';
import { collect, events, expectStrictlyIncreasing, freshCategory, streamIn } from '../contract/contract-fixtures';

/**
 * Caught-up subscriptions share one read of the newest events (SharedTail). With a window of only 20 events and
 * interleaved appends to several categories, every filtered subscription still gets exactly its events, in order:
 * the live ones through the window, the ones before it (a late subscriber, or one woken after eviction) from the
 * database — and it moves from one to the other without a gap or a repeat.
 */
describe('PostgreSQL event store: shared tail for caught-up subscriptions', () => {
  const url = process.env.DATABASE_URL!;
  let store: PostgresEventStore;

  beforeAll(() => {
    store = new PostgresEventStore({
      connectionString: url,
      pollIntervalMs: 100,
      pageSize: 7,
      tailCapacity: 20,
      log: () => undefined,
    });
  });
  afterAll(async () => {
    await store.close();
  });

  it('delivers each subscription exactly its events, live and from before the window', async () => {
    const categories = [freshCategory(), freshCategory(), freshCategory()];
    const start = await store.append(streamIn(categories[0]!), events(1), 'no_stream');
    const subscriptions = categories.map((c) =>
      store.subscribeAll({ fromExclusive: start.position, filter: { kind: 'category', categories: [c] } }),
    );
    // All three catch up before the load, so the live part goes through the shared window.
    await Promise.all(
      subscriptions.map((s) => collect(s, (_, messages) => messages.some((m) => m.kind === 'caughtUp'))),
    );

    const expected = new Map<string, number>(categories.map((c) => [c, 0]));
    const appends: Promise<unknown>[] = [];
    for (let i = 0; i < 60; i++) {
      // Uneven: the first category gets most events, the third few, so its cursor lags far behind the window.
      const category = categories[i % 10 === 0 ? 2 : i % 3 === 0 ? 1 : 0]!;
      const size = 1 + (i % 3);
      expected.set(category, expected.get(category)! + size);
      appends.push(store.append(streamIn(category), events(size), 'no_stream'));
      if (i % 6 === 5) await Promise.all(appends.splice(0));
    }
    await Promise.all(appends);
    // A subscriber that starts now is far behind the 20-event window: it reads the database, then joins the tail.
    const late = store.subscribeAll({
      fromExclusive: start.position,
      filter: { kind: 'category', categories: [categories[0]!] },
    });

    const received = await Promise.all(
      subscriptions.map((s, i) => collect(s, (got) => got.length >= expected.get(categories[i]!)!)),
    );
    const lateReceived = await collect(late, (got) => got.length >= expected.get(categories[0]!)!);
    for (const [i, { events: got }] of received.entries()) {
      expect(got.length).toBe(expected.get(categories[i]!));
      expect(new Set(got.map((e: RecordedEvent) => e.id)).size).toBe(got.length);
      expect(got.every((e: RecordedEvent) => e.streamName.startsWith(`${categories[i]}-`))).toBe(true);
      expectStrictlyIncreasing(got);
    }
    expect(lateReceived.events.map((e) => e.id)).toEqual(received[0]!.events.map((e) => e.id));

    // And live again after the late one joined: one more event each reaches every subscriber once.
    await Promise.all(categories.map((c) => store.append(streamIn(c), events(1), 'no_stream')));
    const more = await Promise.all(subscriptions.map((s) => collect(s, (got) => got.length >= 1)));
    expect(more.map((m) => m.events.length)).toEqual([1, 1, 1]);
    const lateMore = await collect(late, (got) => got.length >= 1);
    expect(lateMore.events.map((e) => e.id)).toEqual(more[0]!.events.map((e) => e.id));
    await Promise.all([...subscriptions, late].map((s) => s.close()));
  });
});
