import { randomUUID } from 'node:crypto';
import { PostgresEventStore } from '@app/event-store';
import { IdempotencyKeyReusedError, ManualClock, StaleRevisionError } from '@app/shared';
import { handleCommand, load } from './command-handling';
import type { Decider } from './decider';

type Counted = { type: 'Counted'; data: { by: number } };
type Count = { type: 'Count'; by: number };
const counter: Decider<Count, Counted, number> = {
  initialState: 0,
  evolve: (total, event) => total + event.data.by,
  decide: (command) => (command.by === 0 ? [] : [{ type: 'Counted', data: { by: command.by } }]),
};

describe('command handling on the PostgreSQL store', () => {
  const store = new PostgresEventStore({ connectionString: process.env.DATABASE_URL!, log: () => undefined });
  const clock = new ManualClock(new Date('2026-11-22T06:00:00Z'));
  const deps = { store, clock };
  const context = () => ({ correlationId: randomUUID(), causationId: randomUUID(), actorId: 'tester' });
  afterAll(() => store.close());

  it('stamps metadata from the context and the injected clock', async () => {
    const stream = `counter-${randomUUID()}`;
    const ctx = { ...context(), jurisdiction: '640500' };
    await handleCommand(deps, counter, stream, { type: 'Count', by: 2 }, ctx);
    const [event] = await store.readStream(stream);
    expect(event!.metadata).toMatchObject({ ...ctx, occurredAt: '2026-11-22T06:00:00.000Z', schemaVersion: 1 });
  });

  it('loads streams longer than one read page', async () => {
    const stream = `counter-${randomUUID()}`;
    for (let i = 0; i < 12; i++) {
      const batch = Array.from({ length: 1000 }, () => ({
        id: randomUUID(),
        type: 'Counted',
        data: { by: 1 },
        metadata: { correlationId: 'c', causationId: 'c', actorId: 't', occurredAt: clock.now().toISOString(), schemaVersion: 1 },
      }));
      await store.append(stream, batch, 'any');
    }
    const loaded = await load(store, counter, stream);
    expect(loaded.state).toBe(12_000);
    expect(loaded.revision).toBe(11_999n);
  });

  it('a keyed retry is answered from the stored events; the same key with another request is refused', async () => {
    const stream = `counter-${randomUUID()}`;
    const keyed = { ...context(), idempotencyKey: 'k-1', requestHash: 'hash-a' };
    const first = await handleCommand(deps, counter, stream, { type: 'Count', by: 5 }, keyed);
    await handleCommand(deps, counter, stream, { type: 'Count', by: 1 }, context());
    const retry = await handleCommand(deps, counter, stream, { type: 'Count', by: 5 }, keyed);
    expect(retry).toMatchObject({ replayed: true, revision: first.revision, state: 5 });
    await expect(
      handleCommand(deps, counter, stream, { type: 'Count', by: 7 }, { ...keyed, requestHash: 'hash-b' }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect((await store.readStream(stream)).length).toBe(2);
  });

  it('an If-Match revision that is no longer current is refused without a retry', async () => {
    const stream = `counter-${randomUUID()}`;
    await handleCommand(deps, counter, stream, { type: 'Count', by: 1 }, context());
    await handleCommand(deps, counter, stream, { type: 'Count', by: 1 }, context());
    await expect(handleCommand(deps, counter, stream, { type: 'Count', by: 1 }, { ...context(), expectedRevision: 0n })).rejects.toBeInstanceOf(
      StaleRevisionError,
    );
    await expect(handleCommand(deps, counter, stream, { type: 'Count', by: 1 }, { ...context(), expectedRevision: 1n })).resolves.toMatchObject({
      revision: 2n,
    });
  });

  it('concurrent commands on one stream all land through bounded retries', async () => {
    const stream = `counter-${randomUUID()}`;
    await Promise.all(Array.from({ length: 12 }, () => handleCommand(deps, counter, stream, { type: 'Count', by: 1 }, context())));
    const loaded = await load(store, counter, stream);
    expect(loaded.state).toBe(12);
    expect(loaded.revision).toBe(11n);
  });
});
