import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Drill evaluation (docs/domain.md rule 22): findings recorded against plans and addressed by their next version. */
export class Evaluation1732000001000 implements MigrationInterface {
  name = 'Evaluation1732000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table plans add column open_findings jsonb not null default '[]'`);
    await q.query(`alter table plan_versions add column addressed_findings jsonb not null default '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table plan_versions drop column addressed_findings`);
    await q.query(`alter table plans drop column open_findings`);
  }
}
