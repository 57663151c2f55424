import { In, type EntityManager, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';

/** Parameters per statement: below PostgreSQL's 65,535, and at most 1,000 rows (the planner's cost grows with more). */
const MAX_PARAMETERS = 60_000;
const MAX_ROWS = 1_000;

/**
 * Writes a batch of read-model rows as `insert … on conflict (primary key) do update`: one multi-row statement per
 * chunk, sequential on the transaction's connection. (`repository.save(rows)` issues its updates with Promise.all on
 * that one connection, which pg deprecates and pg 9 will refuse, and costs a select per batch besides.) Columns the
 * entity marks as not updatable (database-generated ones) are left out of the update.
 */
export async function upsertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> {
  await writeRows(manager, entity, rows, 'update');
}

/**
 * Appends rows to an append-only read model (a timeline, an account) in multi-row inserts: one statement per chunk
 * instead of one per row, and no `returning` (TypeORM's insert reads back what the database generated). A row whose
 * key is already there fails the statement, as a single insert would.
 */
export async function insertRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
): Promise<void> {
  await writeRows(manager, entity, rows, 'fail');
}

/**
 * The one writer behind both: the statement is built from the entity's metadata and its values prepared by the driver
 * (transformers, json), as TypeORM's own insert does, without its per-row query-builder work. A property left
 * undefined is written as DEFAULT.
 */
async function writeRows<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: readonly T[],
  onConflict: 'update' | 'fail',
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = manager.getRepository(entity).metadata;
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((c) => c.isInsert && !c.isVirtual);
  const names = columns.map((c) => `"${c.databaseName}"`);
  const table = metadata.schema ? `"${metadata.schema}"."${metadata.tableName}"` : `"${metadata.tableName}"`;
  let suffix = '';
  if (onConflict === 'update') {
    const conflict = metadata.primaryColumns.map((c) => `"${c.databaseName}"`);
    const updated = metadata.columns
      .filter((c) => c.isUpdate && !c.isPrimary && !c.isGenerated && c.isInsert && !c.isVirtual)
      .map((c) => `"${c.databaseName}" = excluded."${c.databaseName}"`);
    suffix =
      updated.length > 0
        ? ` on conflict (${conflict.join(', ')}) do update set ${updated.join(', ')}`
        : ` on conflict (${conflict.join(', ')}) do nothing`;
  }
  const chunk = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns.length)));
  for (let start = 0; start < rows.length; start += chunk) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + chunk).map((row) => {
      const cells = columns.map((column) => {
        const value: unknown = driver.preparePersistentValue(column.getEntityValue(row), column);
        if (value === undefined) return 'DEFAULT';
        params.push(value);
        return `$${params.length}`;
      });
      return `(${cells.join(', ')})`;
    });
    await manager.query(`insert into ${table} (${names.join(', ')}) values ${tuples.join(', ')}${suffix}`, params);
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
