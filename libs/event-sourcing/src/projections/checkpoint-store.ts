import type { EntityManager } from 'typeorm';
import type { Position } from '@app/event-store';

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

export async function writeCheckpoint(manager: EntityManager, projection: string, position: Position): Promise<void> {
  await manager.query(
    `insert into projection_checkpoints (projection, position_commit, position_prepare, updated_at)
     values ($1, $2, $3, now())
     on conflict (projection) do update set position_commit = $2, position_prepare = $3, updated_at = now()`,
    [projection, position.commit.toString(), position.prepare.toString()],
  );
}

export async function deleteCheckpoint(manager: EntityManager, projection: string): Promise<void> {
  await manager.query(`delete from projection_checkpoints where projection = $1`, [projection]);
}
