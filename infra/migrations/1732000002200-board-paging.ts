import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The board's order and paging (docs/api.md, "GET /incidents"; ADR 0015). The sort keys of the `urgency` order are
 * stored generated columns, so the projection writes the row as before and PostgreSQL keeps them in step with it;
 * every key sorts ascending, so a keyset page is one row comparison an index range scan answers. The indexes carry the
 * filtered columns too, so a page's count is read from the index (an index-only scan once the table is vacuumed):
 *
 * - `board_open_rank`: 0 for an open incident, 1 for one whose response has ended;
 * - `board_due_us`: the earliest still-pending obligation's due time in microseconds since the epoch (the largest
 *   bigint when none is owed): an overdue one sorts before every one still running, without reading the clock;
 * - `board_grade_rank`: 0 for 特别重大 … 3 for 一般;
 * - `board_received_desc`: minus the receipt's microseconds since the epoch (newest receipt first);
 * - `board_occurred_desc`: the same for the accident's time (the default order, newest accident first);
 * - `board_search`: title, place and enterprise, lower-cased, for the trigram index of the text search.
 *
 * The two helper functions are declared immutable, which PostgreSQL requires of a generated column: they are, for
 * the values the projection stores (`dueAt` instants are written with their `Z` offset, so reading them does not
 * depend on the session's time zone, and the epoch of an instant is the same in every zone).
 */
export class BoardPaging1732000002200 implements MigrationInterface {
  name = 'BoardPaging1732000002200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create extension if not exists pg_trgm`);
    await q.query(`
      create or replace function incident_board_instant_us(instant timestamptz) returns bigint
        language sql immutable parallel safe as $$
          select (extract(epoch from instant) * 1000000)::bigint
        $$`);
    await q.query(`
      create or replace function incident_board_due_us(deadlines jsonb) returns bigint
        language sql immutable parallel safe as $$
          select coalesce(min(incident_board_instant_us((d ->> 'dueAt')::timestamptz)), 9223372036854775807)
            from jsonb_array_elements(coalesce(deadlines, '[]'::jsonb)) d
           where d ->> 'status' = 'pending'
        $$`);
    await q.query(`
      alter table incident_board
        add column board_open_rank smallint generated always as (case when status = 'open' then 0 else 1 end) stored,
        add column board_due_us bigint generated always as (incident_board_due_us(deadlines)) stored,
        add column board_grade_rank smallint generated always as (case grade
          when 'especially_serious' then 0 when 'serious' then 1 when 'major' then 2 else 3 end) stored,
        add column board_received_desc bigint generated always as (-incident_board_instant_us(reported_at)) stored,
        add column board_occurred_desc bigint generated always as (-incident_board_instant_us(occurred_at)) stored,
        add column board_search text generated always as (lower(
          title || ' ' || coalesce(location ->> 'address', '') || ' ' || coalesce(enterprise, ''))) stored`);
    // The real board and each drill's board, in the urgency order and in the order of occurrence.
    await q.query(`
      create index incident_board_urgency on incident_board
        (board_open_rank, board_due_us, board_grade_rank, board_received_desc, id)
        include (jurisdiction, status, grade, category) where drill_id is null`);
    await q.query(`
      create index incident_board_drill_urgency on incident_board
        (drill_id, board_open_rank, board_due_us, board_grade_rank, board_received_desc, id) where drill_id is not null`);
    await q.query(`
      create index incident_board_occurred on incident_board (board_occurred_desc, id) where drill_id is null`);
    await q.query(`create index incident_board_search on incident_board using gin (board_search gin_trgm_ops)`);
    // The receipt window (the last 48 hours of a year's board) is found, and counted, without reading the table.
    await q.query(`
      create index incident_board_received on incident_board (reported_at)
        include (jurisdiction, status, grade, category) where drill_id is null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index if exists incident_board_received`);
    await q.query(`drop index if exists incident_board_search`);
    await q.query(`drop index if exists incident_board_occurred`);
    await q.query(`drop index if exists incident_board_drill_urgency`);
    await q.query(`drop index if exists incident_board_urgency`);
    await q.query(`
      alter table incident_board
        drop column board_search, drop column board_occurred_desc, drop column board_received_desc,
        drop column board_grade_rank, drop column board_due_us, drop column board_open_rank`);
    await q.query(`drop function if exists incident_board_due_us(jsonb)`);
    await q.query(`drop function if exists incident_board_instant_us(timestamptz)`);
  }
}
