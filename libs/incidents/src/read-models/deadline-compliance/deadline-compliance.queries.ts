import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserNames } from '@app/identity';
import { CLOCK, JURISDICTIONS, toZonedIso, type Clock, type JurisdictionRegistry } from '@app/shared';
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
import type { ComplianceStatus, ComplianceView, ObligationResponsible } from '../../contract';

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
  ): Promise<ComplianceView> {
    const { jurisdiction, scope, zone } = askedArea(this.jurisdictions, query.jurisdiction, actor);
    const now = this.clock.now();
    const rows: ComplianceRow[] = await this.dataSource.query(
      `select * from deadline_compliance
        where jurisdiction = any($1) and due_at >= $2 and due_at < $3 and drill_id is not distinct from $4
        order by due_at, incident_id, obligation_id`,
      [
        scope,
        query.from ? new Date(query.from) : new Date(0),
        query.to ? new Date(query.to) : new Date(8.64e15),
        query.drillId ?? null,
      ],
    );
    // Reports keep the sign-in name of who passed them up; people read each other's display names.
    const names = await this.names.byUsername(rows.flatMap((r) => (r.reported_by ? [r.reported_by] : [])));
    const obligations = rows.map((r) => {
      const status = complianceOf(r, now);
      return {
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
    });
    const bureau = obligations.filter((o) => o.responsible === 'bureau');
    const reporters = new Map<string, { reportedBy: string; name: string; met: number; late: number }>();
    for (const o of bureau) {
      if (!o.reportedBy || (o.status !== 'met' && o.status !== 'late')) continue;
      const entry = reporters.get(o.reportedBy) ?? {
        reportedBy: o.reportedBy,
        name: o.reportedByName ?? o.reportedBy,
        met: 0,
        late: 0,
      };
      entry[o.status] += 1;
      reporters.set(o.reportedBy, entry);
    }
    return {
      jurisdiction,
      drillId: query.drillId ?? null,
      // The bureau's obligations (its chain, express and follow-up reports, notifications) and the unit's, apart.
      summary: summarize(bureau),
      unit: summarize(obligations.filter((o) => o.responsible === 'unit')),
      byLevel: byLevel(bureau),
      statusLabels: STATUS_LABELS,
      byReporter: [...reporters.values()].sort((a, b) => a.reportedBy.localeCompare(b.reportedBy)),
      obligations,
    };
  }
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

/**
 * The bureau's obligations per level of the chain it owed a report to (县级 … 国务院应急管理部门, lowest first) and per
 * party it owed a notification (本级人民政府 …), each with its totals; levels and parties with nothing owed are left out.
 */
function byLevel(
  list: readonly {
    level: ReportLevel | null;
    levelLabel: string | null;
    party: NotificationParty | null;
    partyLabel: string | null;
    status: ComplianceStatus;
  }[],
) {
  const levels = REPORT_LEVELS.map((level) => ({
    key: `level:${level}`,
    level,
    party: null,
    label: REPORT_LEVEL_LABELS[level],
    ...summarize(list.filter((o) => o.party === null && o.level === level)),
  }));
  const parties = PARTY_ORDER.map((party) => ({
    key: `party:${party}`,
    level: null,
    party,
    label: NOTIFICATION_PARTY_LABELS[party],
    ...summarize(list.filter((o) => o.party === party)),
  }));
  return [...levels, ...parties].filter((g) => g.total > 0);
}

/** Totals per status; the on-time rate counts what was owed by now (met, late, missed, overdue), not what is written off. */
function summarize(list: readonly { status: ComplianceStatus }[]) {
  const count = (s: ComplianceStatus) => list.filter((o) => o.status === s).length;
  const owed = count('met') + count('late') + count('missed') + count('overdue');
  return {
    total: list.length,
    met: count('met'),
    late: count('late'),
    missed: count('missed'),
    overdue: count('overdue'),
    writtenOff: count('written_off'),
    pending: count('pending'),
    onTimeRate: owed === 0 ? null : Math.round((count('met') / owed) * 10_000) / 10_000,
  };
}
