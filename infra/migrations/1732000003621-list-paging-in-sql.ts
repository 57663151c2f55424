import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes over the keysets of the lists that moved from "cut within a cap" to paging in SQL (docs/api.md, "Paging
 * every list"): each over the list's keys in its order, id last, text `collate "C"` as the cursors compare it, so the
 * page after a cursor is one index range. The lists whose first key is "now"-dependent (warnings in force, hidden
 * hazards overdue) or a negated instant (handovers, roll calls: the expression is not immutable) are read by the same
 * row comparison over their jurisdiction's rows, which those registers keep small per bureau.
 */
export class ListPagingInSql1732000003621 implements MigrationInterface {
  name = 'ListPagingInSql1732000003621';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create index drill_scenarios_page on drill_scenarios (name collate "C", id)`);
    await q.query(`
      create index hazard_source_register_page on hazard_source_register
        ((coalesce(grade, 5)), enterprise_name collate "C", name collate "C", id)`);
    await q.query(`create index duty_shifts_page on duty_shifts (jurisdiction collate "C", starts_at, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['duty_shifts_page', 'hazard_source_register_page', 'drill_scenarios_page'])
      await q.query(`drop index if exists ${index}`);
  }
}
