import { In, type EntityManager, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';

/** Rows per statement: far below PostgreSQL's 65,535 parameters for the widest read model. */
const CHUNK = 500;

/**
 * Writes a batch of read-model rows as `insert … on conflict (primary key) do update`: one statement per chunk,
 * sequential on the transaction's connection. (`repository.save(rows)` issues its updates with Promise.all on that one
 * connection, which pg deprecates and pg 9 will refuse, and costs a select per batch besides.) Columns the entity
 * marks as not updatable (database-generated ones) are left out of the update.
 */
export async function upsertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.getRepository(entity).metadata;
  const conflict = metadata.primaryColumns.map((c) => c.databaseName);
  const updated = metadata.columns
    .filter((c) => c.isUpdate && !c.isPrimary && !c.isGenerated)
    .map((c) => c.databaseName);
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

/**
 * The read-model rows one projection batch changes, by key. A row is read from its table once per batch (all of them
 * in one query when the keys are known up front, as a rebuild applies batches of hundreds of events); later events of
 * the batch build on the row as the earlier ones left it; `write` stores every changed row with `upsertRows`. A changed
 * row may carry a note for the live deltas (the position of its last event, what it suggested before the batch).
 */
export class RowBatch<Row extends ObjectLiteral, Note = undefined> {
  private readonly changed = new Map<string, { row: Row; note: Note }>();
  private stored: Map<string, Row> | undefined;

  constructor(
    private readonly manager: EntityManager,
    private readonly entity: EntityTarget<Row>,
    private readonly key: keyof Row & string,
  ) {}

  /** Reads the stored rows of these keys in one query; a key it did not find has no stored row. */
  async preload(keys: Iterable<string | undefined>): Promise<this> {
    const wanted = [...new Set([...keys].filter((k): k is string => typeof k === 'string'))];
    const where = { [this.key]: In(wanted) } as FindOptionsWhere<Row>;
    const rows = wanted.length === 0 ? [] : await this.manager.getRepository(this.entity).findBy(where);
    this.stored = new Map(rows.map((row) => [String(row[this.key]), row]));
    return this;
  }

  /** The row as the batch has it so far: as changed earlier in the batch, else as stored, else null. */
  async current(key: string): Promise<Row | null> {
    const changed = this.changed.get(key);
    if (changed) return changed.row;
    if (this.stored) return this.stored.get(key) ?? null;
    return this.manager.getRepository(this.entity).findOneBy({ [this.key]: key } as FindOptionsWhere<Row>);
  }

  /** A row changed earlier in the batch, with its note; undefined if the batch has not changed it. */
  changedEntry(key: string): { row: Row; note: Note } | undefined {
    return this.changed.get(key);
  }

  set(key: string, row: Row, note?: Note): void {
    this.changed.set(key, { row, note: note as Note });
  }

  /** The changed rows with their notes, in the order each was first changed. */
  entries(): { row: Row; note: Note }[] {
    return [...this.changed.values()];
  }

  rows(): Row[] {
    return this.entries().map((e) => e.row);
  }

  async write(): Promise<void> {
    await upsertRows(this.manager, this.entity, this.rows());
  }
}
