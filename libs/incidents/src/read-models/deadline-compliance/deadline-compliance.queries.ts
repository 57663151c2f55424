import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, JURISDICTIONS, toZonedIso, type Clock, type JurisdictionRegistry } from '@app/shared';
import { askedArea } from '../asked-area';
import { REPORT_LEVEL_LABELS, type ReportLevel } from '../../domain/incident/reporting-deadlines';

export interface ComplianceFilter {
  from?: string;
  to?: string;
  jurisdiction?: string;
  drillId?: string;
}

/** met: reported in time; late: reported after the deadline; missed: not reported and the deadline passed. */
export type ComplianceStatus = 'met' | 'late' | 'missed' | 'pending';
const STATUS_LABELS: Readonly<Record<ComplianceStatus, string>> = {
  met: '按时上报',
  late: '迟报',
  missed: '漏报（超时未报）',
  pending: '待上报',
};

interface ComplianceRow {
  incident_id: string;
  obligation_id: string;
  title: string;
  jurisdiction: string;
  kind: string;
  level: ReportLevel;
  reason: string;
  due_at: Date;
  status: 'pending' | 'met' | 'late';
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
  ) {}

  async compliance(query: ComplianceFilter, actor: { jurisdiction: string; scope: readonly string[] }) {
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
    const obligations = rows.map((r) => {
      const status = complianceOf(r, now);
      return {
        incidentId: r.incident_id,
        title: r.title,
        jurisdiction: r.jurisdiction,
        obligationId: r.obligation_id,
        kind: r.kind,
        level: r.level,
        levelLabel: REPORT_LEVEL_LABELS[r.level] ?? r.level,
        reason: r.reason,
        dueAt: toZonedIso(r.due_at, zone),
        status,
        statusLabel: STATUS_LABELS[status],
        reportedAt: r.reported_at ? toZonedIso(r.reported_at, zone) : null,
        reportedBy: r.reported_by,
      };
    });
    const count = (s: ComplianceStatus) => obligations.filter((o) => o.status === s).length;
    const decided = count('met') + count('late') + count('missed');
    const reporters = new Map<string, { reportedBy: string; met: number; late: number }>();
    for (const o of obligations) {
      if (!o.reportedBy || (o.status !== 'met' && o.status !== 'late')) continue;
      const entry = reporters.get(o.reportedBy) ?? { reportedBy: o.reportedBy, met: 0, late: 0 };
      entry[o.status] += 1;
      reporters.set(o.reportedBy, entry);
    }
    return {
      jurisdiction,
      drillId: query.drillId ?? null,
      summary: {
        total: obligations.length,
        met: count('met'),
        late: count('late'),
        missed: count('missed'),
        pending: count('pending'),
        onTimeRate: decided === 0 ? null : Math.round((count('met') / decided) * 10_000) / 10_000,
      },
      byReporter: [...reporters.values()].sort((a, b) => a.reportedBy.localeCompare(b.reportedBy)),
      obligations,
    };
  }
}

/** A pending obligation is missed once its deadline has passed, or when the incident was closed without the report. */
export function complianceOf(
  row: Pick<ComplianceRow, 'status' | 'due_at' | 'incident_status'>,
  now: Date,
): ComplianceStatus {
  if (row.status !== 'pending') return row.status;
  return row.due_at.getTime() < now.getTime() || row.incident_status === 'closed' ? 'missed' : 'pending';
}
