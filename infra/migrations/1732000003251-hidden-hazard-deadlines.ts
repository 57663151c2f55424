import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deadline history of a hidden hazard: every 延期 and every new deadline set by a failed 验收, oldest first. The
 * overdue alarm's key counts the extensions, so an alarm ended by a 延期 is a new one if the new deadline passes too.
 */
export class HiddenHazardDeadlines1732000003251 implements MigrationInterface {
  name = 'HiddenHazardDeadlines1732000003251';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table hidden_hazard_register add column deadline_changes jsonb not null default '[]'::jsonb`);
    await q.query(`alter table hidden_hazard_register add column extensions int not null default 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table hidden_hazard_register drop column extensions`);
    await q.query(`alter table hidden_hazard_register drop column deadline_changes`);
  }
}
