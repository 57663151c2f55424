import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Checkpoints name the store that gave their position (docs/kurrentdb.md, Checkpoints name their store), so that a
 * start on another store than the one the read models were built from is refused instead of resuming from a position
 * that means nothing there.
 *
 * Existing rows could come from either store: EVENT_STORE=kurrentdb already kept its checkpoints here. Positions
 * themselves do not tell (both are pairs of numbers), the PostgreSQL event log does: with events in `es_events` the
 * checkpoints were written by the PostgreSQL store; with none, only KurrentDB can have given a position past the
 * start. Those rows get no identity: the first write after the upgrade records the cluster's. A checkpoint still at
 * the start names no event and stays untagged until its first write.
 */
export class CheckpointStore1732000003500 implements MigrationInterface {
  name = 'CheckpointStore1732000003500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table projection_checkpoints add column store text, add column store_identity text`);
    await q.query(`
      update projection_checkpoints
         set store = case when exists (select 1 from es_events) then 'postgres' else 'kurrentdb' end
       where position_commit > 0 or position_prepare > 0`);
    await q.query(`
      alter table projection_checkpoints
        add constraint projection_checkpoints_store check (store in ('postgres', 'kurrentdb'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table projection_checkpoints drop column store_identity, drop column store`);
  }
}
