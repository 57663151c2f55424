import { WrongExpectedVersionError, type EventStore } from '../index';
import { collect, expectStrictlyIncreasing, freshCategory, newEvent, streamIn } from './contract-fixtures';

/**
 * Randomized race: N writers append to a few shared streams with exact expected revisions (re-reading on
 * conflict). Every stream must end with contiguous revisions, and a global subscriber must receive every
 * committed event exactly once, in increasing position order.
 */
export function describeConcurrencyContract(getStore: () => EventStore): void {
  describe('concurrent writers', () => {
    it('keep revisions contiguous and every committed event reaches a subscriber exactly once, in order', async () => {
      const store = getStore();
      const category = freshCategory();
      const streams = Array.from({ length: 4 }, () => streamIn(category));
      const writers = 8;
      const appendsPerWriter = 15;
      const subscription = store.subscribeAll({ filter: { kind: 'category', categories: [category] } });
      const committed = new Set<string>();
      let conflicts = 0;

      const writer = async (seed: number): Promise<void> => {
        for (let i = 0; i < appendsPerWriter; i++) {
          const stream = streams[(seed * 7 + i * 3) % streams.length]!;
          const batch = Array.from({ length: 1 + ((seed + i) % 3) }, () => newEvent('RaceAppended', { seed, i }));
          for (;;) {
            const head = await store.readStream(stream, { direction: 'backwards', maxCount: 1 }).catch(() => []);
            const expected = head.length === 0 ? ('no_stream' as const) : head[0]!.revision;
            try {
              await store.append(stream, batch, expected);
              batch.forEach((e) => committed.add(e.id));
              break;
            } catch (error) {
              if (!(error instanceof WrongExpectedVersionError)) throw error;
              conflicts++;
            }
          }
        }
      };

      try {
        await Promise.all(Array.from({ length: writers }, (_, seed) => writer(seed)));
        const { events } = await collect(subscription, (r) => r.length >= committed.size, 30_000);
        expect(events.length).toBe(committed.size);
        expect(new Set(events.map((e) => e.id))).toEqual(committed);
        expectStrictlyIncreasing(events);
        for (const stream of streams) {
          const revisions = (await store.readStream(stream)).map((e) => e.revision);
          expect(revisions).toEqual(revisions.map((_, i) => BigInt(i)));
        }
        // The test is only meaningful if writers actually collided.
        expect(conflicts).toBeGreaterThan(0);
      } finally {
        await subscription.close();
      }
    }, 60_000);
  });
}
