import { PostgresEventStore } from './postgres-event-store';
import { readWholeStream } from '../port/read-whole-stream';
import { events, freshCategory, streamIn } from '../contract/contract-fixtures';

/** A stream longer than one read page (10,000): readStream stops at a page, readWholeStream returns all, in order. */
describe('reading a whole long stream', () => {
  const store = new PostgresEventStore({
    connectionString: process.env.DATABASE_URL!,
    log: () => undefined,
    applicationName: 'whole-stream',
  });
  afterAll(() => store.close());

  it('pages through 12,345 events', async () => {
    const stream = streamIn(freshCategory());
    for (let written = 0; written < 12_345; written += 1_000)
      await store.append(stream, events(Math.min(1_000, 12_345 - written)), 'any');
    expect((await store.readStream(stream)).length).toBe(10_000);
    const all = await readWholeStream(store, stream, 4_000);
    expect(all.length).toBe(12_345);
    expect(all.every((e, i) => e.revision === BigInt(i))).toBe(true);
  }, 60_000);
});
