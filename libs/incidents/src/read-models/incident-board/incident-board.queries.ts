import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import { CLOCK, JURISDICTIONS, type Clock, type JurisdictionRegistry } from '@app/shared';
import { IncidentNotFoundError } from '../../domain/incident/incident.errors';
import { decodeCursor, encodeCursor, type BoardOrder } from './board-cursor';
import {
  NOTIFICATION_PARTY_LABELS,
  OBLIGATION_KIND_LABELS,
  REPORT_LEVEL_LABELS,
  type Obligation,
} from '../../domain/incident/reporting-deadlines';
import { IncidentBoardRow } from './incident-board.entity';
import { toIncidentView, type IncidentView } from './incident.views';

/** An open incident as stored, for a summary that must keep the stored instants (see openIncidentsIn). */
export interface OpenIncidentRecord {
  id: string;
  title: string;
  jurisdiction: string;
  grade: IncidentBoardRow['grade'];
  responseLevel: IncidentBoardRow['responseLevel'];
  drillId: string | null;
  obligations: { id: string; level: string; dueAt: string; status: string }[];
}

/** A pending reporting obligation of the bureau, as a duty desk queues it (stored instants, UTC). */
export interface OwedObligationRecord {
  incidentId: string;
  title: string;
  jurisdiction: string;
  obligationId: string;
  kind: string;
  kindLabel: string;
  /** The level reported to, or the party notified. */
  level: string;
  levelLabel: string;
  basis: string;
  dueAt: string;
}

export interface IncidentFilter {
  /** `open`, or `closed` (响应终止; `ended` is read as the same). */
  status?: string;
  jurisdiction?: string;
  grade?: string;
  category?: string;
  /** The registered enterprise the incidents name (企业登记). */
  enterpriseId?: string;
  /** Absent: real incidents only. A drill's id: that drill's incidents. Drill data never mixes into the real board. */
  drillId?: string;
  /** Without a drill id: `real` (the default), `drill` (every drill's incidents in scope) or `all`. */
  drill?: 'real' | 'drill' | 'all';
  /** Words in the title, the place (address) or the enterprise, case-insensitive. */
  q?: string;
  /** 接报时间 from (inclusive) and until (exclusive). */
  receivedSince?: Date;
  receivedUntil?: Date;
  order?: BoardOrder;
  /** Where the previous page ended (opaque, from its `next`). */
  cursor?: string;
  limit: number;
  /** The actor's jurisdictions: nothing outside them is listed. */
  scope: readonly string[];
}

/** One page of the board: its incidents, how many match the filter (and how many of those are open), what follows. */
export interface IncidentPage {
  items: IncidentView[];
  total: number;
  open: number;
  /** The cursor of the next page; null on the last one. */
  next: string | null;
}

/** The sort keys of each order, all ascending (infra/migrations/1732000002200-board-paging.ts), the id last. */
const ORDER_KEYS: Record<BoardOrder, readonly string[]> = {
  urgency: ['board_open_rank', 'board_due_us', 'board_grade_rank', 'board_received_desc', 'id'],
  occurred: ['board_occurred_desc', 'id'],
};

/** Reads of the incident board; outside the actor's scope an incident is not found, so existence does not leak. */
@Injectable()
export class IncidentBoardQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The first `limit` incidents of the filter (no count, no cursor): for callers that want a bounded list. */
  async list(filter: IncidentFilter): Promise<IncidentView[]> {
    return (await this.read(filter, false)).items;
  }

  /**
   * One page of the board, by keyset: the next page starts strictly after the last row given, so paging reaches every
   * row once however deep it goes, and incidents arriving meanwhile neither repeat nor push rows out of later pages.
   */
  page(filter: IncidentFilter): Promise<IncidentPage> {
    return this.read(filter, true);
  }

  private async read(filter: IncidentFilter, counted: boolean): Promise<IncidentPage> {
    const order = filter.order ?? 'occurred';
    const keys = ORDER_KEYS[order];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = this.conditions(filter, param);
    const filterKey = boardFilterKey(filter, order);
    const after = filter.cursor ? decodeCursor(filter.cursor, order, filterKey) : null;
    const paged = after
      ? [
          ...where,
          `(${keys.join(', ')}) > (${keys.map((k, i) => `${param(after[i])}::${k === 'id' ? 'uuid' : 'bigint'}`).join(', ')})`,
        ]
      : where;
    // The count runs beside the page on another connection: a page costs the longer of the two, not their sum.
    let counting: Promise<{ total: string; open: string }[]> | undefined;
    if (counted) {
      const countParams: unknown[] = [];
      const countWhere = this.conditions(filter, (value) => {
        countParams.push(value);
        return `$${countParams.length}`;
      });
      counting = this.dataSource.query<{ total: string; open: string }[]>(
        // board_open_rank, not status: the narrow incident_board_counts index then answers the whole board's count alone.
        `select count(*)::text as total, count(*) filter (where board_open_rank = 0)::text as open
           from incident_board where ${countWhere.join(' and ')}`,
        countParams,
      );
      // Awaited below; if the page's own read fails first, this failure is not left unhandled.
      counting.catch(() => undefined);
    }
    const found = await this.dataSource.query<Record<`key${number}`, string>[]>(
      // Aliased apart from the columns: ORDER BY would otherwise sort by the text copies.
      `select ${keys.map((k, i) => `${k}::text as key${i}`).join(', ')} from incident_board
        where ${paged.join(' and ')} order by ${keys.join(', ')} limit ${param(filter.limit + 1)}`,
      params,
    );
    const pageRows = found.slice(0, filter.limit);
    const idOf = (r: Record<`key${number}`, string>): string => r[`key${keys.length - 1}`];
    const more = found.length > filter.limit;
    const byId = new Map(
      (pageRows.length === 0 ? [] : await this.repository().findBy({ id: In(pageRows.map((r) => idOf(r))) })).map(
        (row) => [row.id, row],
      ),
    );
    const now = this.clock.now();
    // A row the projection removed between the two reads is skipped; the cursor still moves past it.
    const items = pageRows.flatMap((r) => {
      const row = byId.get(idOf(r));
      return row ? [toIncidentView(row, this.jurisdictions, now)] : [];
    });
    const last = pageRows[pageRows.length - 1];
    const next =
      more && last
        ? encodeCursor(
            order,
            filterKey,
            keys.map((_, i) => last[`key${i}`]),
          )
        : null;
    if (!counting) return { items, total: items.length, open: 0, next };
    const [counts] = await counting;
    return { items, total: Number(counts?.total ?? 0), open: Number(counts?.open ?? 0), next };
  }

  /** The filter as SQL conditions over incident_board; values go through `param`, never into the text. */
  private conditions(filter: IncidentFilter, param: (value: unknown) => string): string[] {
    const where: string[] = [];
    if (filter.drillId) where.push(`drill_id = ${param(filter.drillId)}::uuid`);
    else if ((filter.drill ?? 'real') === 'real') where.push('drill_id is null');
    else if (filter.drill === 'drill') where.push('drill_id is not null');
    const status = filter.status === 'ended' ? 'closed' : filter.status;
    if (status) where.push(`board_open_rank = ${status === 'open' ? 0 : 1}`);
    if (filter.grade) where.push(`grade = ${param(filter.grade)}`);
    if (filter.category) where.push(`category = ${param(filter.category)}`);
    if (filter.enterpriseId) where.push(`enterprise_id = ${param(filter.enterpriseId)}::uuid`);
    // A jurisdiction includes everything below it: a city sees its counties and parks.
    const asked = filter.jurisdiction ? this.jurisdictions.descendants(filter.jurisdiction) : filter.scope;
    where.push(`jurisdiction = any(${param(asked.filter((code) => filter.scope.includes(code)))}::text[])`);
    const words = (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    for (const word of words) where.push(`board_search like ${param(`%${word.replace(/[\\%_]/g, '\\$&')}%`)}`);
    if (filter.receivedSince) where.push(`reported_at >= ${param(filter.receivedSince.toISOString())}::timestamptz`);
    if (filter.receivedUntil) where.push(`reported_at < ${param(filter.receivedUntil.toISOString())}::timestamptz`);
    return where;
  }

  async get(incidentId: string, scope: readonly string[]): Promise<IncidentView> {
    const row = await this.repository().findOneBy({ id: incidentId, jurisdiction: In([...scope]) });
    if (!row) throw new IncidentNotFoundError();
    return toIncidentView(row, this.jurisdictions, this.clock.now());
  }

  /** The incident as the board shows it, whoever asks: for the answer to a command that has just been allowed. */
  async viewOf(incidentId: string): Promise<IncidentView | null> {
    const row = await this.repository().findOneBy({ id: incidentId });
    return row ? toIncidentView(row, this.jurisdictions, this.clock.now()) : null;
  }

  /** The drill an incident belongs to (null: a real incident), or undefined when there is no such incident. */
  async drillOf(incidentId: string): Promise<string | null | undefined> {
    const row = await this.repository().findOne({ where: { id: incidentId }, select: { id: true, drillId: true } });
    return row ? row.drillId : undefined;
  }

  /** Its jurisdiction when the actor may see it, else 404 (the timeline and the raw events ask this first). */
  async jurisdictionOf(incidentId: string, scope: readonly string[]): Promise<string> {
    const row = await this.repository().findOne({
      where: { id: incidentId, jurisdiction: In([...scope]) },
      select: { id: true, jurisdiction: true },
    });
    if (!row) throw new IncidentNotFoundError();
    return row.jurisdiction;
  }

  /**
   * The pending obligations of real incidents due before `until` (due soon, or overdue): what can raise a deadline
   * alarm now. After 响应终止 the 终报 and 补报 are still owed, so an ended response is included. Narrow rows read
   * from the compliance lines (an index range on the due time), not the incidents' board rows: a tick costs the
   * obligations in their alarm window, not every incident that owes a report.
   */
  async alarmingObligations(until: Date): Promise<{ incidentId: string; obligationId: string; dueAt: Date }[]> {
    const rows = await this.dataSource.query<{ incident_id: string; obligation_id: string; due_at: Date }[]>(
      `select incident_id, obligation_id, due_at from deadline_compliance
        where drill_id is null and status = 'pending' and due_at <= $1`,
      [until],
    );
    return rows.map((r) => ({ incidentId: r.incident_id, obligationId: r.obligation_id, dueAt: r.due_at }));
  }

  /** Board rows by id (real incidents only), for the few a watch needs whole. */
  async rowsOf(ids: readonly string[]): Promise<IncidentBoardRow[]> {
    const rows: IncidentBoardRow[] = [];
    // In slices, so that a long backlog stays within one statement's parameter limit.
    for (let start = 0; start < ids.length; start += 1000)
      rows.push(
        ...(await this.repository().findBy({ id: In([...ids.slice(start, start + 1000)]), drillId: IsNull() })),
      );
    return rows;
  }

  /**
   * The open incidents of some jurisdictions, oldest first, with their obligations as stored (instants in UTC): what an
   * outgoing watch hands over (交接班). Drill incidents are listed (marked by their drill); their deadlines are not real.
   */
  async openIncidentsIn(jurisdictions: readonly string[]): Promise<OpenIncidentRecord[]> {
    const rows = await this.repository()
      .createQueryBuilder('i')
      .select([
        'i.id',
        'i.title',
        'i.jurisdiction',
        'i.grade',
        'i.responseLevel',
        'i.drillId',
        'i.deadlines',
        'i.reportedAt',
      ])
      .where(`i.status = 'open' and i.jurisdiction = any(:codes)`, { codes: [...jurisdictions] })
      .orderBy('i.reportedAt', 'ASC')
      .limit(500)
      .getMany();
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      jurisdiction: row.jurisdiction,
      grade: row.grade,
      responseLevel: row.responseLevel,
      drillId: row.drillId,
      // A notification has no level: the party it is owed to stands in its place.
      obligations: (
        row.deadlines as { id: string; level: string | null; party?: string | null; dueAt: string; status: string }[]
      ).map((o) => ({ id: o.id, level: o.level ?? o.party ?? '', dueAt: o.dueAt, status: o.status })),
    }));
  }

  /**
   * The bureau's pending obligations (overdue ones included) of the real incidents of these jurisdictions, earliest due
   * first, at most `limit`, with how many there are in all: one indexed read of the compliance rows, so a year of open
   * incidents does not hide the ones due next. Whatever the incident's status: after 响应终止 the 终报, the 补报 and
   * any overdue report are still owed.
   */
  async owedObligations(
    jurisdictions: readonly string[],
    limit: number,
  ): Promise<{ total: number; obligations: OwedObligationRecord[] }> {
    const where = `jurisdiction = any($1) and drill_id is null and status = 'pending' and responsible = 'bureau'`;
    const [rows, [count]] = await Promise.all([
      this.dataSource.query(
        `select incident_id, obligation_id, title, jurisdiction, kind, level, party, basis, due_at
           from deadline_compliance where ${where}
          order by due_at, incident_id, obligation_id limit $2`,
        [[...jurisdictions], limit],
      ) as Promise<
        {
          incident_id: string;
          obligation_id: string;
          title: string;
          jurisdiction: string;
          kind: Obligation['kind'];
          level: Obligation['level'];
          party: Obligation['party'];
          basis: string;
          due_at: Date;
        }[]
      >,
      this.dataSource.query(`select count(*)::int as n from deadline_compliance where ${where}`, [
        [...jurisdictions],
      ]) as Promise<{ n: number }[]>,
    ]);
    return {
      total: count?.n ?? 0,
      obligations: rows.map((r) => ({
        incidentId: r.incident_id,
        title: r.title,
        jurisdiction: r.jurisdiction,
        obligationId: r.obligation_id,
        kind: r.kind,
        kindLabel: OBLIGATION_KIND_LABELS[r.kind] ?? r.kind,
        level: r.level ?? r.party ?? '',
        levelLabel: r.level ? REPORT_LEVEL_LABELS[r.level] : r.party ? NOTIFICATION_PARTY_LABELS[r.party] : '',
        basis: r.basis,
        dueAt: new Date(r.due_at).toISOString(),
      })),
    };
  }

  /**
   * Every real incident that still owes a report, whatever its status: after 响应终止 the 终报 and any 补报 are still
   * owed, so "closed" does not mean "nothing owed". Complete by design (no page): the alarm watch infers from absence
   * here that nothing is owed, so the read goes through the compliance rows (one per obligation) rather than a capped
   * page of the board.
   */
  async owingReports(): Promise<IncidentView[]> {
    const ids = (await this.dataSource.query(
      `select distinct incident_id from deadline_compliance where drill_id is null and status = 'pending'`,
    )) as { incident_id: string }[];
    if (ids.length === 0) return [];
    const now = this.clock.now();
    const views: IncidentView[] = [];
    // Fetched in slices so that a long backlog stays within one statement's parameter limit.
    for (let start = 0; start < ids.length; start += 1000) {
      const rows = await this.repository().findBy({ id: In(ids.slice(start, start + 1000).map((r) => r.incident_id)) });
      views.push(...rows.map((row) => toIncidentView(row, this.jurisdictions, now)));
    }
    return views;
  }

  private repository() {
    return this.dataSource.getRepository(IncidentBoardRow);
  }
}

/** What a cursor is bound to: the order and every filter but the page size (the scope is applied on every page). */
function boardFilterKey(filter: IncidentFilter, order: BoardOrder): string {
  return JSON.stringify([
    order,
    filter.status === 'ended' ? 'closed' : (filter.status ?? ''),
    filter.jurisdiction ?? '',
    filter.grade ?? '',
    filter.category ?? '',
    filter.enterpriseId ?? '',
    filter.drillId ?? '',
    filter.drill ?? 'real',
    (filter.q ?? '').trim().toLowerCase(),
    filter.receivedSince?.toISOString() ?? '',
    filter.receivedUntil?.toISOString() ?? '',
  ]);
}
