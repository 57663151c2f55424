import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the lists that read only their page from the database (docs/api.md, "Paging every list"). Each index
 * is over the list's keyset, in the list's order and with the id (or log position) last, so "rows after the cursor,
 * in order, the first `limit` + 1" is one index range scan however deep the page. Text keys sort `collate "C"`
 * (code-unit order), the order the API's cursors compare them in.
 *
 * The audit trail and the security event log need no index of their own: their pages are row comparisons on the
 * columns of their existing indexes (`es_events_by_recorded_at`, `security_events_by_time`).
 */
export class ListPaging1732000003550 implements MigrationInterface {
  name = 'ListPaging1732000003550';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create index alarms_page on alarms
        ((case status when 'raised' then 0 when 'acknowledged' then 1 else 2 end), urgency, id)`);
    await q.query(
      `create index enterprise_register_page on enterprise_register (jurisdiction collate "C", name collate "C", id)`,
    );
    await q.query(
      `create index shelter_register_page on shelter_register (jurisdiction collate "C", name collate "C", id)`,
    );
    await q.query(`
      create index expert_register_page on expert_register
        ((case when active then 0 else 1 end), jurisdiction collate "C", name collate "C", id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['expert_register_page', 'shelter_register_page', 'enterprise_register_page', 'alarms_page'])
      await q.query(`drop index if exists ${index}`);
  }
}
