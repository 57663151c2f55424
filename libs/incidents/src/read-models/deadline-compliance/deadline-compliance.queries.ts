import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserNames } from '@app/identity';
import { CLOCK, JURISDICTIONS, toZonedIso, type Clock, type CursorKey, type JurisdictionRegistry } from '@app/shared';
import { nextPageOf, pageKeysOf, withPageKeys, type ListPaging, type PageRequest } from '@app/shared/nest';
import { askedArea } from '../asked-area';
import {
  NOTIFICATION_PARTY_LABELS,
  OBLIGATION_KIND_LABELS,
  REPORT_LEVEL_LABELS,
  REPORT_LEVELS,
  type NotificationParty,
  type ObligationKind,
  type ReportLevel,
} from '../../domain/incident/reporting-deadlines';
import type { ComplianceObligationView, ComplianceStatus, ComplianceView, ObligationResponsible } from '../../contract';

export interface ComplianceFilter {
  from?: string;
  to?: string;
  jurisdiction?: string;
  drillId?: string;
}

/**
 * The law's words (条例493 第四条; docs/domain.md rule 6): 按时 (met), 迟报 (late: after the deadline), 漏报 (missed:
 * never reported — the response ended past the deadline without it), 逾期未报 (overdue: the time has passed, it may
 * still come, and then it is 迟报), 核销 (written off with a reason), 待报 (pending).
 */
export type { ComplianceStatus };
const STATUS_LABELS: Readonly<Record<ComplianceStatus, string>> = {
  met: '按时',
  late: '迟报',
  missed: '漏报',
  overdue: '逾期未报',
  written_off: '核销',
  pending: '待报',
};
const RESPONSIBLE_LABELS: Readonly<Record<ObligationResponsible, string>> = {
  bureau: '本机关（逐级上报与通知）',
  unit: '事故单位（条例493 第九条）',
};

interface ComplianceRow {
  incident_id: string;
  obligation_id: string;
  title: string;
  jurisdiction: string;
  kind: ObligationKind;
  level: ReportLevel | null;
  party: NotificationParty | null;
  responsible: ObligationResponsible;
  basis: string;
  due_at: Date;
  status: 'pending' | 'met' | 'late' | 'written_off';
  incident_status: string;
  reported_at: Date | null;
  reported_by: string | null;
}

/**
 * Reporting-deadline compliance (不得迟报、漏报): every obligation of the period as met, late, missed or still pending,
 * with who reported, and totals per status and per reporter. Drill obligations only when a drill is asked for.
 */
@Injectable()
export class DeadlineComplianceQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly names: UserNames,
  ) {}

  async compliance(
    query: ComplianceFilter,
    actor: { jurisdiction: string; scope: readonly string[] },
    /** How many obligation lines to answer with the totals (the rest are read from their own list). */
    firstLimit: number = COMPLIANCE_OBLIGATIONS_PAGING.defaultLimit,
  ): Promise<ComplianceView> {
    const { jurisdiction, scope } = askedArea(this.jurisdictions, query.jurisdiction, actor);
    const now = this.clock.now();
    const { where, params } = complianceWhere(query, scope);
    const tallyParams = [...params, now];
    // The totals are counted by the database, grouped to a few dozen rows whatever the period: a city's year of
    // obligations never travels to the API (docs/adr/0023).
    // The tallies, the reporters and the first page are independent reads: each on a connection of its own at once.
    const tallying: Promise<
      Array<{
        responsible: ObligationResponsible;
        level: ReportLevel | null;
        party: NotificationParty | null;
        status: ComplianceStatus;
        n: number;
      }>
    > = this.dataSource.query(
      `select c.responsible, c.level, c.party, ${statusSql(`$${tallyParams.length}`)} as status, count(*)::int as n
         from deadline_compliance c where ${where}
        group by 1, 2, 3, 4`,
      tallyParams,
    );
    const reporting: Promise<Array<{ reported_by: string; status: 'met' | 'late'; n: number }>> = this.dataSource.query(
      `select c.reported_by, c.status, count(*)::int as n
           from deadline_compliance c
          where ${where} and c.responsible = 'bureau' and c.reported_by is not null and c.status in ('met', 'late')
          group by 1, 2`,
      params,
    );
    // The first page of the obligation lines; the rest is read page by page from GET /compliance/obligations.
    const paging = this.obligations(query, actor, { after: null, limit: firstLimit, fetch: firstLimit });
    for (const read of [tallying, reporting, paging]) read.catch(() => undefined); // awaited below, never unhandled
    const [groups, reporterRows, obligations] = await Promise.all([tallying, reporting, paging]);
    const names = await this.names.byUsername([...new Set(reporterRows.map((r) => r.reported_by))]);
    const reporters = new Map<string, { reportedBy: string; name: string; met: number; late: number }>();
    for (const r of reporterRows) {
      const entry = reporters.get(r.reported_by) ?? {
        reportedBy: r.reported_by,
        name: names.get(r.reported_by) ?? r.reported_by,
        met: 0,
        late: 0,
      };
      entry[r.status] += r.n;
      reporters.set(r.reported_by, entry);
    }
    const bureau = groups.filter((g) => g.responsible === 'bureau');
    const total = groups.reduce((sum, g) => sum + g.n, 0);
    const last = obligations[obligations.length - 1];
    const listUrl = obligationsUrl({ ...query, jurisdiction });
    return {
      jurisdiction,
      drillId: query.drillId ?? null,
      // The bureau's obligations (its chain, express and follow-up reports, notifications) and the unit's, apart.
      summary: summarize(bureau),
      unit: summarize(groups.filter((g) => g.responsible === 'unit')),
      byLevel: byLevel(bureau),
      statusLabels: STATUS_LABELS,
      byReporter: [...reporters.values()].sort((a, b) => a.reportedBy.localeCompare(b.reportedBy)),
      obligations,
      obligationsTotal: total,
      obligationsNext:
        total > obligations.length && last
          ? nextPageOf(COMPLIANCE_OBLIGATIONS_PAGING, listUrl, obligationKeys(last))
          : null,
    };
  }

  /**
   * One page of the obligation lines, in deadline order (then incident, then obligation), read by a keyset range of
   * the index on the same keys (migration 1732000003620) — at any depth, without counting what came before.
   */
  async obligations(
    query: ComplianceFilter,
    actor: { jurisdiction: string; scope: readonly string[] },
    page: PageRequest,
  ): Promise<ComplianceObligationView[]> {
    const { scope, zone } = askedArea(this.jurisdictions, query.jurisdiction, actor);
    const now = this.clock.now();
    const { where, params } = complianceWhere(query, scope);
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const conditions = [where];
    if (page.after) {
      const [us, incident, obligation] = page.after;
      conditions.push(
        `(c.due_at, c.incident_id, c.obligation_id collate "C") > ('epoch'::timestamptz + ${param(us)}::bigint * interval '1 microsecond', ${param(incident)}::uuid, ${param(obligation)}::text collate "C")`,
      );
    }
    const rows: Array<ComplianceRow & { due_us: string }> = await this.dataSource.query(
      `select c.*, (extract(epoch from c.due_at) * 1000000)::bigint::text as due_us
         from deadline_compliance c where ${conditions.join(' and ')}
        order by c.due_at, c.incident_id, c.obligation_id collate "C" limit ${param(page.fetch)}`,
      params,
    );
    // Reports keep the sign-in name of who passed them up; people read each other's display names.
    const names = await this.names.byUsername(rows.flatMap((r) => (r.reported_by ? [r.reported_by] : [])));
    return rows.map((r) => {
      const status = complianceOf(r, now);
      const line: ComplianceObligationView = {
        incidentId: r.incident_id,
        title: r.title,
        jurisdiction: r.jurisdiction,
        obligationId: r.obligation_id,
        kind: r.kind,
        kindLabel: OBLIGATION_KIND_LABELS[r.kind] ?? r.kind,
        responsible: r.responsible,
        responsibleLabel: RESPONSIBLE_LABELS[r.responsible],
        level: r.level,
        levelLabel: r.level ? (REPORT_LEVEL_LABELS[r.level] ?? r.level) : null,
        party: r.party,
        partyLabel: r.party ? NOTIFICATION_PARTY_LABELS[r.party] : null,
        basis: r.basis,
        dueAt: toZonedIso(r.due_at, zone),
        status,
        statusLabel: STATUS_LABELS[status],
        reportedAt: r.reported_at ? toZonedIso(r.reported_at, zone) : null,
        reportedBy: r.reported_by,
        reportedByName: r.reported_by ? (names.get(r.reported_by) ?? r.reported_by) : null,
      };
      // The deadline is shown to the second in local time; the page's keys keep the database's microseconds.
      return withPageKeys(line, [r.due_us, r.incident_id, r.obligation_id]);
    });
  }
}

/** How the obligation lines page (docs/api.md, "Paging every list"): deadline (µs), incident, obligation. */
export const COMPLIANCE_OBLIGATIONS_PAGING: ListPaging<ComplianceObligationView> = {
  list: 'compliance-obligations/1',
  order: 'due',
  kinds: ['bigint', 'uuid', 'text'],
  keys: (o) => obligationKeys(o),
  defaultLimit: 200,
  maxLimit: 1000,
};

/** The URL of the lines' own list (GET /compliance/obligations) under the same filters: its cursors are bound to them. */
function obligationsUrl(query: ComplianceFilter & { jurisdiction: string }): string {
  const params = new URLSearchParams({ jurisdiction: query.jurisdiction });
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.drillId) params.set('drillId', query.drillId);
  return `/api/v1/compliance/obligations?${params.toString()}`;
}

function obligationKeys(o: ComplianceObligationView): readonly CursorKey[] {
  return pageKeysOf(o) ?? [String(Date.parse(o.dueAt) * 1000), o.incidentId, o.obligationId];
}

/**
 * The status of a line as `complianceOf` gives it, in SQL, so the database can count by it (`now`, a placeholder). A pending
 * obligation past its time is overdue, or missed once the response has ended.
 */
const statusSql = (
  now: string,
) => `(case when c.status <> 'pending' then c.status when c.due_at >= ${now} then 'pending'
  when c.incident_status = 'closed' then 'missed' else 'overdue' end)`;

/** The filters of a compliance read, as conditions on `deadline_compliance c` ($1 scope, $2–$3 window, $4 drill). */
function complianceWhere(query: ComplianceFilter, scope: readonly string[]): { where: string; params: unknown[] } {
  const params: unknown[] = [
    [...scope],
    query.from ? new Date(query.from) : new Date(0),
    query.to ? new Date(query.to) : new Date(8.64e15),
  ];
  // Drill obligations only when a drill is asked for (rule 6); then only that drill's.
  const drill = query.drillId ? (params.push(query.drillId), `c.drill_id = $4`) : `c.drill_id is null`;
  return { where: `c.jurisdiction = any($1) and c.due_at >= $2 and c.due_at < $3 and ${drill}`, params };
}

/** A pending obligation past its time is overdue; once the response has ended without it, it is missed (漏报). */
export function complianceOf(
  row: Pick<ComplianceRow, 'status' | 'due_at' | 'incident_status'>,
  now: Date,
): ComplianceStatus {
  if (row.status !== 'pending') return row.status;
  if (row.due_at.getTime() >= now.getTime()) return 'pending';
  return row.incident_status === 'closed' ? 'missed' : 'overdue';
}

const PARTY_ORDER = Object.keys(NOTIFICATION_PARTY_LABELS) as NotificationParty[];

type Group = { level: ReportLevel | null; party: NotificationParty | null; status: ComplianceStatus; n: number };

/**
 * The bureau's obligations per level of the chain it owed a report to (县级 … 国务院应急管理部门, lowest first) and per
 * party it owed a notification (本级人民政府 …), each with its totals; levels and parties with nothing owed are left out.
 */
function byLevel(groups: readonly Group[]) {
  const levels = REPORT_LEVELS.map((level) => ({
    key: `level:${level}`,
    level,
    party: null,
    label: REPORT_LEVEL_LABELS[level],
    ...summarize(groups.filter((g) => g.party === null && g.level === level)),
  }));
  const parties = PARTY_ORDER.map((party) => ({
    key: `party:${party}`,
    level: null,
    party,
    label: NOTIFICATION_PARTY_LABELS[party],
    ...summarize(groups.filter((g) => g.party === party)),
  }));
  return [...levels, ...parties].filter((g) => g.total > 0);
}

/** Totals per status; the on-time rate counts what was owed by now (met, late, missed, overdue), not what is written off. */
function summarize(groups: readonly { status: ComplianceStatus; n: number }[]) {
  const count = (s: ComplianceStatus) => groups.filter((g) => g.status === s).reduce((sum, g) => sum + g.n, 0);
  const owed = count('met') + count('late') + count('missed') + count('overdue');
  return {
    total: groups.reduce((sum, g) => sum + g.n, 0),
    met: count('met'),
    late: count('late'),
    missed: count('missed'),
    overdue: count('overdue'),
    writtenOff: count('written_off'),
    pending: count('pending'),
    onTimeRate: owed === 0 ? null : Math.round((count('met') / owed) * 10_000) / 10_000,
  };
}
