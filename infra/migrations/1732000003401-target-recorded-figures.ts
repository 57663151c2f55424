import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The year's entered official figures on the target documents. The read model is disposable; rows written before
 * read as "nothing entered", which is what their events say (they carry no figures).
 */
export class TargetRecordedFigures1732000003401 implements MigrationInterface {
  name = 'TargetRecordedFigures1732000003401';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `alter table target_documents add column recorded jsonb not null
         default '{"incidents":null,"deaths":null,"majorOrAboveIncidents":null,"categories":[]}'::jsonb`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table target_documents drop column recorded`);
  }
}
