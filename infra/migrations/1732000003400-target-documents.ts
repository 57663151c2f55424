import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Target documents read model (考核目标). Disposable: a rebuild truncates and replays the `targets` streams. */
export class TargetDocuments1732000003400 implements MigrationInterface {
  name = 'TargetDocuments1732000003400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table target_documents (
        id text primary key,
        jurisdiction text not null,
        year int not null,
        targets jsonb not null,
        denominators jsonb not null,
        set_at timestamptz not null,
        set_by text,
        revision int not null,
        position text not null
      )`);
    await q.query(`create unique index target_documents_by_year on target_documents (year, jurisdiction)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table target_documents`);
  }
}
