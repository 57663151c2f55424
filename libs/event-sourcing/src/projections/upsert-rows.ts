import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per statement: far below PostgreSQL's 65,535 parameters for the widest read model. */
const CHUNK = 500;

/**
 * Writes a batch of read-model rows as `insert … on conflict (primary key) do update`: one statement per chunk,
 * sequential on the transaction's connection. (`repository.save(rows)` issues its updates with Promise.all on that one
 * connection, which pg deprecates and pg 9 will refuse, and costs a select per batch besides.) Columns the entity
 * marks as not updatable (database-generated ones) are left out of the update.
 */
export async function upsertRows<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>, rows: readonly T[]): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.getRepository(entity).metadata;
  const conflict = metadata.primaryColumns.map((c) => c.databaseName);
  const updated = metadata.columns.filter((c) => c.isUpdate && !c.isPrimary && !c.isGenerated).map((c) => c.databaseName);
  for (let start = 0; start < rows.length; start += CHUNK) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(start, start + CHUNK) as never[])
      .orUpdate(updated, conflict)
      .execute();
  }
}
