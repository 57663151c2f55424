import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { PostgresEventStore } from '@app/event-store';
import { ManualClock } from '@app/shared';
import { handleCommand, load } from '../kernel/command-handling';
import type { Decider, DomainEvent } from '../kernel/decider';
import type { Snapshotting } from '../kernel/snapshots';
import { PostgresSnapshotStore } from '../projections/postgres-snapshot-store';

/** A small deterministic generator, so a failing history can be re-run as it was. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SnapshotRoundTrip<C, E extends DomainEvent, S> {
  decider: Decider<C, E, S> & { snapshotting: Snapshotting };
  /** The stream category (`incident`, `team`). */
  category: string;
  /** A creating command and then about `length` more, seeded; refused ones are skipped when recorded. */
  history(seed: number, length: number, clock: ManualClock): C[];
  seeds: readonly number[];
  /** A state in a shape the current state no longer has, to store as an old snapshot. */
  oldShape: Record<string, unknown>;
}

/**
 * The two promises every snapshotted aggregate keeps, against PostgreSQL: loading from the newest snapshot plus the
 * events after it equals folding the whole stream (histories of every kind of command, taken through the write path
 * that takes the snapshots), and a snapshot of an older state shape is passed over once the version is bumped.
 */
export function describeSnapshotRoundTrip<C, E extends DomainEvent, S>(spec: SnapshotRoundTrip<C, E, S>): void {
  const store = new PostgresEventStore({ connectionString: process.env.DATABASE_URL!, log: () => undefined });
  const sql = new Pool({ connectionString: process.env.DATABASE_URL! });
  const snapshots = new PostgresSnapshotStore({
    query: (text: string, params: unknown[]): Promise<unknown[]> =>
      sql.query(text, params).then((r) => r.rows as unknown[]),
  } as unknown as DataSource);
  const clock = new ManualClock(new Date('2026-11-22T06:00:00Z'));
  const context = () => ({ correlationId: randomUUID(), causationId: randomUUID(), actorId: 'tester' });
  const version = spec.decider.snapshotting.version;
  // The policy's own version, a shorter distance between snapshots: what is tested is the state's round trip.
  const decider = { ...spec.decider, snapshotting: { version, every: 10 } };
  afterAll(async () => {
    await store.close();
    await sql.end();
  });

  /** Runs the commands one by one through the write path (which takes the snapshots); refused ones append nothing. */
  async function record(stream: string, commands: C[]): Promise<void> {
    for (const command of commands) {
      await handleCommand({ store, clock, snapshots }, decider, stream, command, context()).catch((error: unknown) => {
        if (!(error instanceof Error) || !('code' in error)) throw error;
      });
    }
  }

  it.each([...spec.seeds])('loading from a snapshot equals loading the whole stream (history %i)', async (seed) => {
    const stream = `${spec.category}-${randomUUID()}`;
    const every = decider.snapshotting.every;
    await record(stream, spec.history(seed, every * 2 + seed * 7, clock));
    const snapshot = await snapshots.load(stream, version);
    expect(snapshot).toBeDefined();
    const fromSnapshot = await load(store, decider, stream, snapshots);
    const whole = await load(store, spec.decider, stream);
    expect(fromSnapshot.base?.revision).toBe(snapshot!.revision);
    expect(fromSnapshot.recorded.length).toBeLessThan(whole.recorded.length);
    expect(fromSnapshot.revision).toBe(whole.revision);
    expect(fromSnapshot.state).toStrictEqual(whole.state);
  });

  it('a snapshot of an older state shape is ignored once the version is bumped', async () => {
    const stream = `${spec.category}-${randomUUID()}`;
    await record(stream, spec.history(7, 10, clock));
    const whole = await load(store, spec.decider, stream);
    // A snapshot in a shape the current state no longer has, covering the whole stream.
    await snapshots.save(stream, version, { revision: whole.revision!, state: spec.oldShape });
    expect((await load(store, decider, stream, snapshots)).state).toEqual(spec.oldShape);
    const bumped = { ...decider, snapshotting: { ...decider.snapshotting, version: version + 1 } };
    const loaded = await load(store, bumped, stream, snapshots);
    expect(loaded.base).toBeUndefined();
    expect(loaded.state).toStrictEqual(whole.state);
  });
}
