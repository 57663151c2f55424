import type { EntityManager } from 'typeorm';
import type { Position, StoreOrigin } from '@app/event-store';

/** Checkpoints live next to the read models so a batch and its checkpoint commit in one transaction. */
export async function readCheckpoint(
  manager: EntityManager,
  projection: string,
  lock = false,
): Promise<Position | undefined> {
  const rows: { commit: string; prepare: string }[] = await manager.query(
    `select position_commit::text as commit, position_prepare::text as prepare
       from projection_checkpoints where projection = $1 ${lock ? 'for update' : ''}`,
    [projection],
  );
  const row = rows[0];
  return row ? { commit: BigInt(row.commit), prepare: BigInt(row.prepare) } : undefined;
}

/** Every write records which store gave the position (docs/kurrentdb.md, Checkpoints name their store). */
export async function writeCheckpoint(
  manager: EntityManager,
  projection: string,
  position: Position,
  origin: StoreOrigin,
): Promise<void> {
  await manager.query(
    `insert into projection_checkpoints (projection, position_commit, position_prepare, store, store_identity, updated_at)
     values ($1, $2, $3, $4, $5, now())
     on conflict (projection) do update
       set position_commit = $2, position_prepare = $3, store = $4, store_identity = $5, updated_at = now()`,
    [projection, position.commit.toString(), position.prepare.toString(), origin.store, origin.identity],
  );
}

export async function deleteCheckpoint(manager: EntityManager, projection: string): Promise<void> {
  await manager.query(`delete from projection_checkpoints where projection = $1`, [projection]);
}

export interface ForeignCheckpoint {
  projection: string;
  store: string;
  identity: string | null;
  position: string;
}

/**
 * Checkpoints that another store (or another KurrentDB cluster) gave. A checkpoint at the very start names no event
 * and fits any store; an untagged one was never written past the start. An identity is compared only when both sides
 * have one (rows tagged by the migration have none: the first write records it).
 */
export async function findForeignCheckpoints(
  manager: EntityManager,
  origin: StoreOrigin,
): Promise<ForeignCheckpoint[]> {
  const rows: { projection: string; store: string; identity: string | null; position: string }[] = await manager.query(
    `select projection, store, store_identity as identity, position_commit::text || '/' || position_prepare::text as position
       from projection_checkpoints
      where store is not null
        and (position_commit > 0 or position_prepare > 0)
        and (store <> $1 or ($2::text is not null and store_identity is not null and store_identity <> $2))
      order by projection`,
    [origin.store, origin.identity],
  );
  return rows;
}

/** The read models were built from another store than the configured one: resuming them would skip or repeat events. */
export class ForeignCheckpointsError extends Error {
  constructor(
    readonly origin: StoreOrigin,
    readonly foreign: readonly ForeignCheckpoint[],
  ) {
    const named = (store: string, identity: string | null) => (identity ? `${store} (${identity})` : store);
    const list = foreign.map((f) => `${f.projection} at ${f.position} from ${named(f.store, f.identity)}`);
    super(
      `checkpoints come from another event store than the configured ${named(origin.store, origin.identity)}: ` +
        `${list.join('; ')}. Point EVENT_STORE (and KURRENTDB_URL) back at the store that wrote them, or rebuild ` +
        'the read models from this store with `npm run projections:rebuild -- all` (docs/kurrentdb.md)',
    );
    this.name = 'ForeignCheckpointsError';
  }
}
