import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { incidentEntities } from '@app/incidents';
import { IncidentBoardQueries } from '../../libs/incidents/src/read-models/incident-board/incident-board.queries';
import { JurisdictionRegistry, systemClock } from '@app/shared';
import { benchDatabase, percentile } from '../support/bench-database';

/**
 * The board on a year of a large city (docs/performance.md, ADR 0015): ROWS incidents (default 40,000) over the
 * city's counties and park, OPEN of them still open (default 3,031), about 250 received in the last 48 hours. Times
 * reading every open incident page by page in the urgency order (50 a page, with the count each page carries), a
 * text search and the 48-hour window, as GET /incidents runs them. Prints figures only (`npm run bench:board-paging`).
 */
const ROWS = Number(process.env.ROWS ?? 40_000);
const OPEN = Number(process.env.OPEN ?? 3_031);
const PAGE = 50;

async function main(): Promise<void> {
  const database = await benchDatabase('bench_board_paging');
  const dataSource = await new DataSource({
    type: 'postgres',
    url: database.url,
    entities: incidentEntities,
  }).initialize();
  try {
    await dataSource.query('truncate incident_board');
    // Receipts spread over a year, newest first; every (ROWS / OPEN)-th one still open, its report due within ±2 h.
    await dataSource.query(
      `insert into incident_board (id, title, category, status, grade, jurisdiction, enterprise, occurred_at,
              reported_at, updated_at, closed_at, location, reporter, casualties, description, deadlines, revision,
              position)
       select gen_random_uuid(), '事故 ' || n, 'industry_trade',
              case when n % ($1::int / $2::int) = 0 then 'open' else 'closed' end,
              (array['general','general','general','major','serious'])[1 + n % 5],
              (array['640502','640521','640522','640571'])[1 + n % 4], '企业 ' || (n % 997),
              now() - make_interval(secs => n * (365 * 86400.0 / $1::int)),
              now() - make_interval(secs => n * (365 * 86400.0 / $1::int)) + interval '5 minutes', now(),
              case when n % ($1::int / $2::int) = 0 then null else now() end,
              jsonb_build_object('address', '中卫市某路 ' || n, 'lat', 37.5, 'lng', 105.1),
              '{"name":"值班员","phone":"0955-0000000","organization":"局"}',
              '{"deaths":0,"missing":0,"seriousInjuries":0,"minorInjuries":1,"trapped":0}', '经过',
              case when n % ($1::int / $2::int) = 0 then jsonb_build_array(jsonb_build_object('id', 'o' || n,
                'kind', 'initial', 'level', 'city', 'responsible', 'bureau', 'status', 'pending',
                'dueAt', to_char((now() + make_interval(mins => (n % 240) - 120)) at time zone 'UTC',
                                 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))) else '[]'::jsonb end,
              1, '0'
         from generate_series(1, $1::int) n`,
      [ROWS, OPEN],
    );
    // As autovacuum leaves a long-lived board: statistics gathered and the visibility map set (index-only counts).
    await dataSource.query('vacuum analyze incident_board');
    const board = new IncidentBoardQueries(dataSource, new JurisdictionRegistry(), systemClock);
    const scope = ['640500', '640502', '640521', '640522', '640571'];

    const times: number[] = [];
    let seen = 0;
    let total = 0;
    let cursor: string | undefined;
    do {
      const t0 = performance.now();
      const page = await board.page({ status: 'open', order: 'urgency', limit: PAGE, cursor, scope });
      times.push(performance.now() - t0);
      seen += page.items.length;
      total = page.total;
      cursor = page.next ?? undefined;
    } while (cursor);
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `board of ${ROWS} incidents, ${total} open: ${seen} read in ${times.length} pages of ${PAGE} (with the count) — ` +
        `page p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, ` +
        `last page ${times[times.length - 1]!.toFixed(1)} ms`,
    );
    const timed = async (what: string, run: () => Promise<{ total: number }>) => {
      const runs: number[] = [];
      let found = 0;
      for (let k = 0; k < 20; k += 1) {
        const t0 = performance.now();
        found = (await run()).total;
        runs.push(performance.now() - t0);
      }
      runs.sort((a, b) => a - b);
      console.log(
        `${what}: ${found} match, p50 ${percentile(runs, 50).toFixed(1)} ms, p95 ${percentile(runs, 95).toFixed(1)} ms`,
      );
    };
    await timed('whole board, urgency, first page', () => board.page({ order: 'urgency', limit: PAGE, scope }));
    await timed('received in the last 48 h', () =>
      board.page({ order: 'urgency', limit: PAGE, scope, receivedSince: new Date(Date.now() - 48 * 3_600_000) }),
    );
    await timed('text search "企业 42"', () => board.page({ order: 'urgency', limit: PAGE, scope, q: '企业 42' }));
    await timed('one county, open', () =>
      board.page({ order: 'urgency', status: 'open', jurisdiction: '640521', limit: PAGE, scope }),
    );
  } finally {
    await dataSource.destroy();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
