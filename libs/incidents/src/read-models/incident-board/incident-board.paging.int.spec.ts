import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import { JurisdictionRegistry, systemClock } from '@app/shared';
import { incidentStream } from '../../domain/incident/incident.types';
import { incidentReported } from '../../../../../test/support/incident-fixtures';
import { IncidentBoardRow } from './incident-board.entity';
import { IncidentBoardProjection } from './incident-board.projection';
import { IncidentBoardQueries, type IncidentFilter } from './incident-board.queries';

const ROWS = 3_000;
const GRADES = ['general', 'major', 'serious', 'especially_serious'] as const;
const RANK: Record<string, number> = { especially_serious: 0, serious: 1, major: 2, general: 3 };

/**
 * A large board: one incident is projected, then copied a few thousand times in SQL with varied status, grade,
 * receipt and obligations (the generated sort keys are PostgreSQL's own, as for rows the projection writes).
 */
describe('incident board paging over a large board (every open incident is reachable)', () => {
  let spec: ProjectionSpec;
  let board: IncidentBoardQueries;
  const template = randomUUID();
  const scope = ['640500', '640502', '640521', '640522', '640571'];
  const pageAll = async (filter: Omit<IncidentFilter, 'scope' | 'limit'>, limit = 250) => {
    const seen: { id: string; status: string; grade: string; receivedAt: string; due: number }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    let total = -1;
    do {
      const page = await board.page({ ...filter, cursor, limit, scope });
      total = page.total;
      for (const i of page.items) {
        const pending = i.deadlines.filter((d) => d.status === 'pending' || d.status === 'overdue');
        const due = pending.length ? Math.min(...pending.map((d) => Date.parse(d.dueAt))) : Infinity;
        seen.push({ id: i.id, status: i.status, grade: i.grade, receivedAt: i.receivedAt, due });
      }
      cursor = page.next ?? undefined;
      pages += 1;
    } while (cursor && pages < 1_000);
    return { seen, total, pages };
  };

  beforeAll(async () => {
    const jurisdictions = new JurisdictionRegistry();
    spec = await ProjectionSpec.start({
      projections: () => [new IncidentBoardProjection(jurisdictions)],
      entities: [IncidentBoardRow],
    });
    board = new IncidentBoardQueries(spec.dataSource, jurisdictions, systemClock);
    await spec.given(incidentStream(template), [incidentReported(template, { jurisdiction: '640571' })], {
      jurisdiction: '640571',
    });
    // n = 1..ROWS: two in three open; every fifth without pending obligations; a fifth of the rest overdue.
    await spec.dataSource.query(
      `insert into incident_board (id, title, category, status, grade, response_level, jurisdiction, enterprise,
              occurred_at, reported_at, updated_at, closed_at, location, reporter, casualties, description, drill_id,
              deadlines, assigned_teams, allocations, tasks, active_plans, revision, position)
       select gen_random_uuid(), '批量事故 ' || n, t.category,
              case when n % 3 = 0 then 'closed' else 'open' end,
              (array['general','major','serious','especially_serious'])[1 + n % 4], null,
              (array['640502','640521','640522','640571'])[1 + n % 4], t.enterprise,
              now() - make_interval(mins => n * 7), now() - make_interval(mins => n * 7), now(),
              case when n % 3 = 0 then now() else null end, t.location, t.reporter, t.casualties, t.description,
              case when n % 50 = 0 then gen_random_uuid() else null end,
              case when n % 5 = 0 then '[]'::jsonb else jsonb_build_array(jsonb_build_object(
                'id', 'o' || n, 'kind', 'initial', 'level', 'city', 'responsible', 'bureau', 'status', 'pending',
                'dueAt', to_char((now() + make_interval(mins => (n % 97) - 20)) at time zone 'UTC',
                                 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))) end,
              '[]', '[]', '[]', '[]', 1, '0'
         from generate_series(1, $1::int) n, incident_board t where t.id = $2`,
      [ROWS, template],
    );
  }, 120_000);
  afterAll(() => spec?.stop());

  it('reaches every open real incident once, in the urgency order, with the count of the filter', async () => {
    const [{ open }] = await spec.dataSource.query<{ open: string }[]>(
      `select count(*) as open from incident_board where status = 'open' and drill_id is null`,
    );
    const { seen, total, pages } = await pageAll({ status: 'open', order: 'urgency' });
    expect(Number(open)).toBeGreaterThan(1_900);
    expect(total).toBe(Number(open));
    expect(seen).toHaveLength(Number(open));
    expect(new Set(seen.map((s) => s.id)).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(Number(open) / 250));
    for (let k = 1; k < seen.length; k += 1) {
      const [a, b] = [seen[k - 1]!, seen[k]!];
      // Soonest due (overdue first, as its due time has passed), then the graver grade, then the newer receipt.
      const inOrder =
        a.due < b.due ||
        (a.due === b.due &&
          (RANK[a.grade]! < RANK[b.grade]! ||
            (RANK[a.grade] === RANK[b.grade] && Date.parse(a.receivedAt) >= Date.parse(b.receivedAt))));
      if (!inOrder) throw new Error(`out of order at ${k}: ${JSON.stringify(a)} before ${JSON.stringify(b)}`);
    }
    expect(seen[0]!.due).toBeLessThan(Date.now()); // the most overdue leads
  });

  it('puts every open incident before every ended one on the whole board', async () => {
    const { seen, total } = await pageAll({ order: 'urgency' }, 500);
    expect(seen).toHaveLength(total);
    const firstEnded = seen.findIndex((s) => s.status === 'closed');
    expect(firstEnded).toBeGreaterThan(0);
    expect(seen.slice(firstEnded).every((s) => s.status === 'closed')).toBe(true);
    expect(new Set(seen.map((s) => s.id)).size).toBe(total);
  });

  it('filters on the server: grade, jurisdiction below the asked one, text, receipt window, drills', async () => {
    const serious = await pageAll({ grade: 'serious', status: 'open' });
    expect(serious.seen.length).toBe(serious.total);
    expect(serious.seen.every((s) => s.grade === 'serious' && s.status === 'open')).toBe(true);
    const county = await board.page({ jurisdiction: '640521', limit: 5, scope });
    expect(county.items.every((i) => i.jurisdiction === '640521')).toBe(true);
    expect(county.total).toBeGreaterThan(500);
    const text = await board.page({ q: '批量事故 1234', limit: 10, scope });
    expect(text.items.map((i) => i.title)).toContain('批量事故 1234');
    expect(text.items.every((i) => i.title.includes('批量事故 1234'))).toBe(true);
    const since = new Date(Date.now() - 48 * 3600_000);
    const recent = await pageAll({ receivedSince: since });
    expect(recent.total).toBeGreaterThan(0);
    expect(recent.seen.every((s) => Date.parse(s.receivedAt) >= since.getTime())).toBe(true);
    const drills = await board.page({ drill: 'drill', limit: 500, scope });
    expect(drills.total).toBe(ROWS / 50);
    expect(drills.items.every((i) => i.drillId !== null)).toBe(true);
    expect((await board.page({ limit: 500, scope, drill: 'real' })).items.some((i) => i.drillId)).toBe(false);
    // Outside the scope: nothing, whatever is asked.
    expect((await board.page({ limit: 10, scope: ['640100'] })).total).toBe(0);
  });

  it('answers a page deep in the board from the index, not by sorting the table', async () => {
    const plan = await spec.dataSource.query<{ 'QUERY PLAN': string }[]>(
      `explain select id from incident_board where drill_id is null and board_open_rank = 0
         and (board_open_rank, board_due_us, board_grade_rank, board_received_desc, id) > (0, 0, 0, 0, $1::uuid)
         order by board_open_rank, board_due_us, board_grade_rank, board_received_desc, id limit 51`,
      [randomUUID()],
    );
    const text = plan.map((p) => p['QUERY PLAN']).join('\n');
    expect(text).toMatch(/incident_board_urgency/);
    expect(text).not.toMatch(/Sort/);
  });

  it('refuses a cursor that was edited or that belongs to another filter', async () => {
    const first = await board.page({ status: 'open', order: 'urgency', limit: 10, scope });
    const next = first.next!;
    await expect(
      board.page({ status: 'open', order: 'urgency', limit: 10, scope, cursor: next }),
    ).resolves.toBeTruthy();
    await expect(
      board.page({ status: 'closed', order: 'urgency', limit: 10, scope, cursor: next }),
    ).rejects.toMatchObject({ code: 'CURSOR_INVALID' });
    const [body, tag] = next.split('.');
    const edited = Buffer.from(JSON.stringify(['urgency', '0', '0', '0', '0', randomUUID()])).toString('base64url');
    await expect(
      board.page({ status: 'open', order: 'urgency', limit: 10, scope, cursor: `${edited}.${tag}` }),
    ).rejects.toMatchObject({ code: 'CURSOR_INVALID' });
    await expect(
      board.page({ status: 'open', order: 'occurred', limit: 10, scope, cursor: `${body}.${tag}` }),
    ).rejects.toMatchObject({ code: 'CURSOR_INVALID' });
    expect(GRADES).toContain(first.items[0]!.grade);
  });
});
