import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_PLAN_OWNER,
  DRILL_DUE_STATE_LABELS,
  EVALUATION_BASIS,
  EVALUATION_STATE_LABELS,
  FILING_BASIS,
  FILING_STATE_LABELS,
  localDate,
  PLAN_KINDS,
  PLAN_OWNER_KINDS,
  PLAN_REVIEW_CONCLUSIONS,
  PLAN_REVIEW_KINDS,
  PLAN_STATUS_LABELS,
  planGovernance,
  PlanRegisterQueries,
  WorkingDayCalendars,
  type PlanRow,
  type WorkingDayCalendar,
} from '@app/plans';
import type { JurisdictionGovernanceView, PlanGovernanceListView, PlanGovernanceView } from '@app/plans/contract';
import {
  CLOCK,
  DEFAULT_TIME_ZONE,
  JURISDICTIONS,
  type Actor,
  type Clock,
  type JurisdictionRegistry,
} from '@app/shared';
import { DrillRegisterQueries } from '../../read-models/drill-register/drill-register.queries';
import type { PlanGovernanceRequest } from './plan-governance.request';

/**
 * 预案管理台账: each plan of the caller's jurisdictions (not the levels above: their owners answer for them) with its
 * review, publication, filing deadline, evaluation due date and drill frequency, and per jurisdiction the last drill
 * and what is overdue (docs/domain.md rule 11a). Lives beside the drills because it needs both registers; plans
 * know nothing of drills.
 */
@Injectable()
export class PlanGovernanceHandler {
  constructor(
    private readonly plans: PlanRegisterQueries,
    private readonly drills: DrillRegisterQueries,
    private readonly calendars: WorkingDayCalendars,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async handle(request: PlanGovernanceRequest, actor: Actor): Promise<PlanGovernanceListView> {
    const asked = request.jurisdiction ? actor.scope.filter((c) => c === request.jurisdiction) : [...actor.scope];
    const rows = await this.plans.governed(asked);
    const lastDrills = await this.drills.lastDrillsOf(rows.map((r) => r.id));
    const calendar = await this.calendars.current();
    const now = this.clock.now();
    const plans = rows.map((row) => this.view(row, lastDrills.get(row.id) ?? null, calendar, now));
    return {
      asOf: localDate(now, this.zoneOf(actor.jurisdiction)),
      plans,
      jurisdictions: [...asked].sort().map((code) => this.summary(code, plans)),
    };
  }

  private zoneOf(jurisdiction: string): string {
    return this.jurisdictions.get(jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
  }

  private view(
    row: PlanRow,
    lastDrill: { drillId: string; endedAt: Date } | null,
    calendar: WorkingDayCalendar,
    now: Date,
  ): PlanGovernanceView {
    const zone = this.zoneOf(row.jurisdiction);
    const day = (instant: Date | string) => localDate(instant, zone);
    const content = row.inForceContent ?? row.content;
    const ownerKind = content.ownerKind ?? DEFAULT_PLAN_OWNER;
    const filing = row.inForceFiling;
    const evaluatedAt = row.lastEvaluation?.recordedAt ?? null;
    const figures = planGovernance(
      {
        status: row.status,
        kind: content.kind,
        ownerKind,
        publishedOn: row.inForceVersion !== null && row.publishedAt ? day(row.publishedAt) : null,
        firstPublishedOn: row.firstPublishedAt ? day(row.firstPublishedAt) : null,
        filing: filing
          ? { filedOn: filing.filedOn ?? day(filing.filedAt), authority: filing.authority, late: filing.late ?? null }
          : null,
        lastEvaluatedOn: row.lastEvaluation?.evaluatedOn ?? null,
        // Findings recorded after the last evaluation and not yet answered by a new version.
        findingsSinceEvaluation: row.openFindings
          .filter((f) => evaluatedAt === null || f.recordedAt > evaluatedAt)
          .map((f) => day(f.recordedAt)),
        lastDrillOn: lastDrill ? day(lastDrill.endedAt) : null,
      },
      day(now),
      calendar,
    );
    return {
      planId: row.id,
      title: row.title,
      kind: content.kind,
      kindLabel: PLAN_KINDS[content.kind],
      jurisdiction: row.jurisdiction,
      jurisdictionName: this.jurisdictions.get(row.jurisdiction)?.name ?? row.jurisdiction,
      ownerKind,
      ownerKindLabel: PLAN_OWNER_KINDS[ownerKind],
      status: row.status,
      statusLabel: PLAN_STATUS_LABELS[row.status],
      version: row.latestVersion,
      inForceVersion: row.inForceVersion,
      review: row.review
        ? {
            ...row.review,
            kindLabel: PLAN_REVIEW_KINDS[row.review.kind],
            conclusionLabel: PLAN_REVIEW_CONCLUSIONS[row.review.conclusion],
          }
        : null,
      publishedOn: row.inForceVersion !== null && row.publishedAt ? day(row.publishedAt) : null,
      filing: figures.filing
        ? { ...figures.filing, stateLabel: FILING_STATE_LABELS[figures.filing.state], basis: FILING_BASIS }
        : null,
      evaluation: figures.evaluation
        ? {
            ...figures.evaluation,
            stateLabel: EVALUATION_STATE_LABELS[figures.evaluation.state],
            basis: EVALUATION_BASIS,
          }
        : null,
      drill: figures.drill
        ? {
            ...figures.drill,
            lastDrillId: lastDrill?.drillId ?? null,
            stateLabel: DRILL_DUE_STATE_LABELS[figures.drill.state],
          }
        : null,
    };
  }

  private summary(code: string, plans: readonly PlanGovernanceView[]): JurisdictionGovernanceView {
    const own = plans.filter((p) => p.jurisdiction === code);
    const count = (test: (p: PlanGovernanceView) => boolean) => own.filter(test).length;
    const drills = own.map((p) => p.drill?.lastDrillOn ?? null).filter((d): d is string => d !== null);
    return {
      jurisdiction: code,
      jurisdictionName: this.jurisdictions.get(code)?.name ?? code,
      plans: own.length,
      lastDrillOn: drills.length > 0 ? drills.sort().at(-1)! : null,
      drillsOverdue: count((p) => p.drill?.state === 'overdue'),
      filingsDue: count((p) => p.filing?.state === 'due'),
      filingsOverdue: count((p) => p.filing?.state === 'overdue'),
      filingsLate: count((p) => p.filing?.state === 'filed_late'),
      evaluationsDue: count((p) => p.evaluation?.state === 'due_after_finding'),
      evaluationsOverdue: count((p) => p.evaluation?.state === 'overdue'),
      unreviewedDrafts: count((p) => p.status === 'draft'),
    };
  }
}
