import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The alarm watch asks, on every tick, which real incidents still owe a report (open or after 响应终止). Only the
 * pending obligations matter and they are a small part of a year's rows, so a partial index answers it without
 * reading the whole compliance table each time.
 */
export class OwedReportsIndex1732000002400 implements MigrationInterface {
  name = 'OwedReportsIndex1732000002400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `create index deadline_compliance_owed_idx on deadline_compliance (incident_id) where status = 'pending' and drill_id is null`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index deadline_compliance_owed_idx`);
  }
}
