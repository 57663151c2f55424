import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that keep the compliance report and the audit trail to the rows they answer (docs/adr/0023).
 *
 * - `deadline_compliance_page`: the obligation lines page in deadline order (then incident, then obligation, the last
 *   `collate "C"` as the cursors compare it); one range scan after the cursor at any depth.
 * - `deadline_compliance_tally`: the totals are counted in the database over the period; the index carries every
 *   column they group by, so the count is an index-only scan of the period rather than a read of whole rows.
 * - `es_events_by_actor_page` / `es_events_by_actor_name_page`: `GET /audit?actor=` reads one actor's entries in log
 *   order. The former indexes ended at `recorded_at`, so the planner preferred walking the whole log in order and
 *   filtering; with the log position last, each branch of the query is an ordered range of its own index.
 */
export class BoundedReads1732000003620 implements MigrationInterface {
  name = 'BoundedReads1732000003620';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create index deadline_compliance_page on deadline_compliance (due_at, incident_id, obligation_id collate "C")`);
    await q.query(`
      create index deadline_compliance_tally on deadline_compliance (jurisdiction, due_at)
        include (drill_id, responsible, level, party, status, incident_status, reported_by)`);
    await q.query(`drop index if exists deadline_compliance_due_idx`);
    await q.query(
      `create index es_events_by_actor_page on es_events ((metadata ->> 'actorId'), recorded_at, global_position)`,
    );
    await q.query(
      `create index es_events_by_actor_name_page on es_events ((metadata ->> 'actorName'), recorded_at, global_position)`,
    );
    await q.query(`drop index if exists es_events_by_actor`);
    await q.query(`drop index if exists es_events_by_actor_name`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`create index es_events_by_actor_name on es_events ((metadata ->> 'actorName'), recorded_at)`);
    await q.query(`create index es_events_by_actor on es_events ((metadata ->> 'actorId'), recorded_at)`);
    await q.query(`drop index if exists es_events_by_actor_name_page`);
    await q.query(`drop index if exists es_events_by_actor_page`);
    await q.query(`create index deadline_compliance_due_idx on deadline_compliance (jurisdiction, due_at)`);
    await q.query(`drop index if exists deadline_compliance_tally`);
    await q.query(`drop index if exists deadline_compliance_page`);
  }
}
