import { randomUUID } from 'node:crypto';
import { Column, DataSource, Entity, PrimaryColumn } from 'typeorm';
import { RowBatch } from './upsert-rows';

@Entity('test_row_batch')
class TestRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') label!: string;
  @Column('int') count!: number;
}

const row = (id: string, label: string, count: number): TestRow => Object.assign(new TestRow(), { id, label, count });

describe('RowBatch', () => {
  let dataSource: DataSource;
  const stored = async (id: string) =>
    (await dataSource.query(`select label, count from test_row_batch where id = $1`, [id]))[0] ?? null;

  beforeAll(async () => {
    const url = process.env.DATABASE_URL!;
    dataSource = await new DataSource({ type: 'postgres', url, entities: [TestRow] }).initialize();
    await dataSource.query(
      `create table if not exists test_row_batch (id uuid primary key, label text not null, count int not null)`,
    );
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('reads a row once per batch: later events see it as the earlier ones left it, unknown keys are null', async () => {
    const [a, unknown] = [randomUUID(), randomUUID()];
    await dataSource.query(`insert into test_row_batch values ($1, 'stored', 1)`, [a]);
    const batch = new RowBatch<TestRow>(dataSource.manager, TestRow, 'id');
    expect(await batch.current(a)).toMatchObject({ id: a, label: 'stored', count: 1 });
    expect(await batch.current(unknown)).toBeNull();
    batch.set(a, row(a, 'changed', 2));
    await dataSource.query(`update test_row_batch set label = 'elsewhere' where id = $1`, [a]);
    expect(await batch.current(a)).toMatchObject({ label: 'changed', count: 2 });
    expect(batch.changedEntry(unknown)).toBeUndefined();
  });

  it('after a preload answers from what it read, without reading again', async () => {
    const [a, b, late] = [randomUUID(), randomUUID(), randomUUID()];
    await dataSource.query(`insert into test_row_batch values ($1, 'a', 1), ($2, 'b', 2)`, [a, b]);
    const batch = await new RowBatch<TestRow>(dataSource.manager, TestRow, 'id').preload([a, b, late, undefined, a]);
    // Changes made after the preload are not seen: the batch owns these rows until it writes them.
    await dataSource.query(`delete from test_row_batch where id = $1`, [b]);
    await dataSource.query(`insert into test_row_batch values ($1, 'late', 3)`, [late]);
    expect(await batch.current(b)).toMatchObject({ label: 'b', count: 2 });
    expect(await batch.current(late)).toBeNull();
    expect(await batch.current(a)).toMatchObject({ label: 'a', count: 1 });
  });

  it('writes every changed row in one upsert, keeps each note, and leaves unchanged rows alone', async () => {
    const [kept, updated, inserted] = [randomUUID(), randomUUID(), randomUUID()];
    await dataSource.query(`insert into test_row_batch values ($1, 'kept', 1), ($2, 'old', 1)`, [kept, updated]);
    await dataSource.transaction(async (manager) => {
      const batch = await new RowBatch<TestRow, string>(manager, TestRow, 'id').preload([kept, updated, inserted]);
      batch.set(updated, Object.assign((await batch.current(updated))!, { label: 'new', count: 5 }), 'p1');
      batch.set(inserted, row(inserted, 'fresh', 7), 'p2');
      batch.set(updated, Object.assign((await batch.current(updated))!, { count: 6 }), 'p3');
      expect(batch.entries().map((e) => [e.row.id, e.note])).toEqual([
        [updated, 'p3'],
        [inserted, 'p2'],
      ]);
      await batch.write();
    });
    expect(await stored(kept)).toEqual({ label: 'kept', count: 1 });
    expect(await stored(updated)).toEqual({ label: 'new', count: 6 });
    expect(await stored(inserted)).toEqual({ label: 'fresh', count: 7 });
  });
});
