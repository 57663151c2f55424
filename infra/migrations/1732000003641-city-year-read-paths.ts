import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The integer a casualty figure of `casualties` holds, 0 when absent or not a number (never a failed cast). */
const figure = (key: string) =>
  `(case when jsonb_typeof(casualties -> '${key}') = 'number' then (casualties ->> '${key}')::numeric else 0 end)`;

/**
 * The read paths of a year of a large city (docs/performance.md section 6, `npm run bench:city-year`):
 *
 * - The board's default order (newest accident first) pages over `incident_board_occurred`; it now carries the
 *   filtered columns too, so a page's keys are read from the index alone, whatever the status, county, grade or
 *   category asked, instead of visiting a table row per candidate.
 * - A page's count (`X-Total-Count`, `X-Open-Count`) reads the narrow `incident_board_counts` (county and open rank
 *   only): the whole board's count is an index-only scan of the smallest index that answers it.
 * - Statistics sum casualty figures kept in their own stored generated columns, so the year's aggregate is an
 *   index-only scan of `incident_board_statistics` (accident time, county, category, grade, loss and the four
 *   figures) instead of reading every wide board row and its JSON.
 */
export class CityYearReadPaths1732000003641 implements MigrationInterface {
  name = 'CityYearReadPaths1732000003641';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      alter table incident_board
        add column stat_deaths numeric generated always as (${figure('deaths')}) stored,
        add column stat_missing numeric generated always as (${figure('missing')}) stored,
        add column stat_serious_injuries numeric generated always as (${figure('seriousInjuries')}) stored,
        add column stat_minor_injuries numeric generated always as (${figure('minorInjuries')}) stored`);
    await q.query(`drop index if exists incident_board_occurred`);
    await q.query(`
      create index incident_board_occurred on incident_board (board_occurred_desc, id)
        include (jurisdiction, board_open_rank, grade, category, reported_at) where drill_id is null`);
    await q.query(`
      create index incident_board_counts on incident_board (jurisdiction, board_open_rank) where drill_id is null`);
    await q.query(`
      create index incident_board_statistics on incident_board (occurred_at)
        include (jurisdiction, category, grade, direct_loss_yuan, stat_deaths, stat_missing, stat_serious_injuries,
                 stat_minor_injuries) where drill_id is null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index if exists incident_board_statistics`);
    await q.query(`drop index if exists incident_board_counts`);
    await q.query(`drop index if exists incident_board_occurred`);
    await q.query(
      `create index incident_board_occurred on incident_board (board_occurred_desc, id) where drill_id is null`,
    );
    await q.query(`
      alter table incident_board drop column stat_deaths, drop column stat_missing, drop column stat_serious_injuries,
        drop column stat_minor_injuries`);
  }
}
