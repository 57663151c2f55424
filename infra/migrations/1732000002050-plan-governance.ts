import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plan governance (docs/domain.md rule 11a): the register keeps the newest review, the publication and filing of the
 * version in force and the last evaluation; `working_day_calendars` holds the holiday years a deployment adds to (or
 * corrects in) the calendar the code ships. The register is rebuilt from the plan streams to fill the new columns.
 */
export class PlanGovernance1732000002050 implements MigrationInterface {
  name = 'PlanGovernance1732000002050';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table plans add column review jsonb`);
    await q.query(`alter table plans add column published_at timestamptz`);
    await q.query(`alter table plans add column first_published_at timestamptz`);
    await q.query(`alter table plans add column in_force_filing jsonb`);
    await q.query(`alter table plans add column last_evaluation jsonb`);
    await q.query(`alter table plan_versions add column review jsonb`);
    await q.query(`
      create table working_day_calendars (
        year int primary key check (year between 1900 and 2999),
        holidays date[] not null,
        working_weekend_days date[] not null,
        source text not null
      )`);
    await q.query(`truncate plans, plan_versions`);
    await q.query(`delete from projection_checkpoints where projection = 'plan-register'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table working_day_calendars`);
    await q.query(`alter table plan_versions drop column review`);
    for (const column of ['review', 'published_at', 'first_published_at', 'in_force_filing', 'last_evaluation'])
      await q.query(`alter table plans drop column ${column}`);
  }
}
