import { Inject, Injectable, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import {
  DRILL_PARTICIPATION,
  drillActorOf,
  JURISDICTIONS,
  NO_DRILLS,
  OutsideJurisdictionError,
  type DrillParticipation,
  type JurisdictionRegistry,
} from '@app/shared';
import type { IncidentCategory } from '../../domain/incident/incident.types';
import {
  ENTERPRISE_PROFILES,
  IncidentEnterpriseOutsideJurisdictionError,
  IncidentEnterpriseUnknownError,
  NO_ENTERPRISE_PROFILES,
  type EnterpriseProfiles,
} from '../enterprise-profiles';
import { GradingPolicies } from '../grading-policies';
import { IncidentAnswer, type IncidentCommandResponse } from '../incident-answer';
import { incidentAggregate } from '../incident.aggregate';
import type { ReportIncidentRequest } from './report-incident.request';

/** 接报: only inside the reporter's jurisdictions; a retried request (same Idempotency-Key) names the same incident. */
@Injectable()
export class ReportIncidentHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly policies: GradingPolicies,
    private readonly answer: IncidentAnswer,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Optional() @Inject(DRILL_PARTICIPATION) private readonly drills: DrillParticipation = NO_DRILLS,
    @Optional() @Inject(ENTERPRISE_PROFILES) private readonly enterprises: EnterpriseProfiles = NO_ENTERPRISE_PROFILES,
  ) {}

  async handle(request: ReportIncidentRequest, context: CommandContext): Promise<IncidentCommandResponse> {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(request.jurisdiction)) {
      throw new OutsideJurisdictionError(request.jurisdiction);
    }
    // A drill flag takes an incident off the real board, statistics and alarms: only a running drill the reporter
    // takes part in, covering the incident's jurisdiction, may be named (else 瞒报 would take one field). A retry
    // whose first attempt was stored passed this check then, and is answered from it.
    if (request.drillId !== undefined && !context.keyApplied) {
      await this.drills.assertMayWrite({
        drillId: request.drillId,
        jurisdiction: request.jurisdiction,
        actor: drillActorOf(context),
      });
    }
    const enterprise = await this.enterpriseOf(request, context);
    // A retried keyed request must land on the same incident, so its id derives from the key.
    const incidentId = context.idempotencyKey
      ? idempotentAggregateId('incident', context.actorId, context.idempotencyKey)
      : randomUUID();
    const executed = await this.executor.execute(
      incidentAggregate,
      incidentId,
      {
        type: 'ReportIncident',
        incidentId,
        title: request.title,
        category: request.category as IncidentCategory,
        occurredAt: new Date(request.occurredAt),
        location: { ...request.location },
        jurisdiction: request.jurisdiction,
        enterprise: enterprise?.name ?? request.enterprise,
        ...(enterprise ? { enterpriseId: enterprise.id } : {}),
        reporter: { ...request.reporter },
        casualties: { ...request.casualties },
        directLossYuan: request.directLossYuan,
        description: request.description,
        drillId: request.drillId,
        takenBy: context.actorName ?? context.actorId,
        ...(request.receivedAt !== undefined ? { receivedAt: new Date(request.receivedAt) } : {}),
        ...(request.receivedAtReason !== undefined ? { receivedAtReason: request.receivedAtReason } : {}),
        ...(request.unitLearnedAt !== undefined ? { unitLearnedAt: new Date(request.unitLearnedAt) } : {}),
        ...(request.unitReportedAt !== undefined ? { unitReportedAt: new Date(request.unitReportedAt) } : {}),
        ...(request.measures !== undefined ? { measures: request.measures } : {}),
        now: this.executor.now(),
        policy: this.policies.of(request.jurisdiction),
      },
      { ...context, jurisdiction: request.jurisdiction, ...(request.drillId ? { drillId: request.drillId } : {}) },
    );
    return this.answer.of(executed);
  }

  /**
   * A named registered enterprise must be one the reporter can see and lie in the incident's jurisdiction or below
   * it; its registered name then stands as the unit's name (free text stays for units not registered).
   */
  private async enterpriseOf(request: ReportIncidentRequest, context: CommandContext) {
    if (request.enterpriseId === undefined) return undefined;
    const profile = await this.enterprises.find(request.enterpriseId);
    if (!profile || (context.visibleJurisdictions && !context.visibleJurisdictions.includes(profile.jurisdiction))) {
      throw new IncidentEnterpriseUnknownError();
    }
    if (!this.jurisdictions.descendants(request.jurisdiction).includes(profile.jurisdiction)) {
      throw new IncidentEnterpriseOutsideJurisdictionError(profile.jurisdiction, request.jurisdiction);
    }
    return profile;
  }
}
