import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  PostgresEventStore,
  UndecodableEventError,
  type EventStore,
  type Position,
  type RecordedEvent,
  type Subscription,
  type SubscriptionMessage,
} from '@app/event-store';
import { EventRegistry, LiveDeltaBus, type DomainEvent, type Recorded } from '../index';
import { ProjectionRunner } from './projection-runner';
import type { Projection } from './projection';

/**
 * What a KurrentDB subscription can hand a projection beyond events — the server's filter checkpoints and a record it
 * cannot decode — played by a scripted subscription on top of the PostgreSQL store (no KurrentDB server here: the
 * adapter's side of both is unit-tested in kurrentdb-subscription.unit.spec.ts).
 */
type Seen = DomainEvent<'Seen', { n: number }>;

class SeenProjection implements Projection<Seen> {
  readonly events = EventRegistry.of<Seen>({ Seen: {} });
  readonly filter;
  applied: Recorded<Seen>[] = [];
  constructor(
    readonly name: string,
    category: string,
  ) {
    this.filter = { kind: 'category', categories: [category] } as const;
  }
  async apply(events: readonly Recorded<Seen>[]) {
    this.applied.push(...events);
    return [];
  }
  async reset() {
    this.applied = [];
  }
}

/** One subscription that yields the script, then waits (a live subscription) until closed. */
function scripted(script: readonly (SubscriptionMessage | Error)[]): Subscription {
  let closed = false;
  let wake: () => void = () => undefined;
  return {
    async *[Symbol.asyncIterator]() {
      for (const step of script) {
        if (closed) return;
        if (step instanceof Error) throw step;
        yield step;
      }
      while (!closed) await new Promise<void>((resolve) => (wake = resolve));
    },
    async close() {
      closed = true;
      wake();
    },
  };
}

describe('projection runner: signals of a store that filters on the server', () => {
  const url = process.env.DATABASE_URL!;
  let dataSource: DataSource;
  let postgres: PostgresEventStore;
  const runners: ProjectionRunner[] = [];

  beforeAll(async () => {
    dataSource = await new DataSource({ type: 'postgres', url }).initialize();
    postgres = new PostgresEventStore({ connectionString: url, pollIntervalMs: 50, log: () => undefined });
  });
  afterAll(async () => {
    await Promise.all(runners.map((r) => r.stop()));
    await postgres.close();
    await dataSource.destroy();
  });

  /** The PostgreSQL store with a scripted `subscribeAll`, and the origin a KurrentDB store would have. */
  function storeWith(script: readonly (SubscriptionMessage | Error)[], subscribedFrom: (Position | undefined)[]) {
    return new Proxy(postgres, {
      get(target, property, receiver) {
        if (property === 'origin') return { store: 'kurrentdb', identity: 'node1:2113' };
        if (property === 'subscribeAll')
          return (options: { fromExclusive?: Position }) => {
            subscribedFrom.push(options.fromExclusive);
            return scripted(subscribedFrom.length === 1 ? script : []);
          };
        return Reflect.get(target, property, receiver);
      },
    }) as EventStore;
  }

  function runner(store: EventStore, projection: Projection<Seen>, logged: string[]): ProjectionRunner {
    const created = new ProjectionRunner(dataSource, store, [projection], new LiveDeltaBus(), {
      retryDelayMs: 50,
      lockRetryMs: 100,
      log: (m) => logged.push(m),
    });
    runners.push(created);
    return created;
  }

  const fresh = () => {
    const category = `sg${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    return { category, name: `test-${category}` };
  };
  const at = (n: bigint): Position => ({ commit: n, prepare: n });
  const seen = (category: string, n: bigint): SubscriptionMessage => ({
    kind: 'event',
    event: {
      id: randomUUID(),
      type: 'Seen',
      streamName: `${category}-1`,
      revision: n,
      position: at(n),
      data: { n: Number(n) },
      metadata: {
        correlationId: 'c',
        causationId: 'c',
        actorId: 't',
        occurredAt: '2024-01-01T00:00:00Z',
        schemaVersion: 1,
      },
      recordedAt: new Date(0),
    } satisfies RecordedEvent,
  });
  const stored = async (name: string) =>
    (
      (await dataSource.query(
        `select position_commit::text || '/' || position_prepare::text as position, store, store_identity as identity
           from projection_checkpoints where projection = $1`,
        [name],
      )) as { position: string; store: string; identity: string }[]
    )[0];

  it("stores the server's checkpoint past the last matching event, tagged with the store, and resumes from it", async () => {
    const { category, name } = fresh();
    const subscribedFrom: (Position | undefined)[] = [];
    const store = storeWith(
      [seen(category, 10n), { kind: 'checkpoint', position: at(5000n) }, { kind: 'caughtUp', position: at(10n) }],
      subscribedFrom,
    );
    const projection = new SeenProjection(name, category);
    const first = runner(store, projection, []);
    first.start();
    expect(await first.waitFor(name, at(5000n), 10_000)).toBe(true);
    expect(projection.applied.map((e) => e.data.n)).toEqual([10]);
    expect(await stored(name)).toEqual({ position: '5000/5000', store: 'kurrentdb', identity: 'node1:2113' });
    await first.stop();

    // A restart continues from the server's checkpoint, not from the last event that matched.
    const second = runner(store, new SeenProjection(name, category), []);
    second.start();
    const deadline = Date.now() + 10_000;
    while (subscribedFrom.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(subscribedFrom).toEqual([at(0n), at(5000n)]);
  });

  it('stops on a record it cannot decode: checkpoint before it, nothing parked, /health status says why', async () => {
    const { category, name } = fresh();
    const logged: string[] = [];
    const bad = new UndecodableEventError(`${category}-1`, at(11n), 'Seen', 'id-11', 'data is not well-formed JSON');
    const projection = new SeenProjection(name, category);
    const r = runner(storeWith([seen(category, 10n), bad, seen(category, 12n)], []), projection, logged);
    r.start();
    const deadline = Date.now() + 10_000;
    const status = () => r.status().find((s) => s.name === name)!;
    while (status().stopped === null && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50));

    expect(status().stopped).toMatch(/undecodable event Seen id-11 in sg\w+-1 at 11\/11: data is not well-formed JSON/);
    expect(status().owner).toBe(false);
    expect(projection.applied.map((e) => e.data.n)).toEqual([10]);
    expect((await stored(name))?.position).toBe('10/10');
    expect(await r.parked(name)).toEqual([]);
    expect(logged.join('\n')).toMatch(new RegExp(`projection ${name} STOPPED at 10/10: UndecodableEventError`));
    expect(logged.join('\n')).not.toMatch(/retrying/);
  });
});
