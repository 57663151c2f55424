import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { unknownCase, type CommandContext } from '@app/event-sourcing';
import {
  IncidentLookup,
  ReportIncidentHandler,
  ReportIncidentRequest,
  UpdateSituationHandler,
  type IncidentView,
} from '@app/incidents';
import { DomainError, JURISDICTIONS, NotADrillIncidentRecordError, type JurisdictionRegistry } from '@app/shared';
import type { InjectKind } from '../../domain/drill/drill.types';
import type { RunningDrill } from '../drill-access';
import type { UpdateSituationPayload } from './inject.request';

/**
 * Carries out one inject against the incidents context, through its own commands. Every side effect is keyed by
 * `key` (the drill and the inject), so running it again (a second scheduler, a tick after a crash) creates nothing new.
 */
@Injectable()
export class InjectExecutor {
  constructor(
    private readonly reportIncident: ReportIncidentHandler,
    private readonly updateSituation: UpdateSituationHandler,
    private readonly lookup: IncidentLookup,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  /** Returns the incident the inject reported or updated (null for a message). */
  async execute(
    drill: RunningDrill,
    kind: InjectKind,
    payload: Record<string, unknown>,
    key: string,
    context: CommandContext,
  ): Promise<string | null> {
    const keyed: CommandContext = { ...context, idempotencyKey: key, drillId: drill.drillId };
    delete keyed.requestHash;
    delete keyed.expectedRevision;
    switch (kind) {
      case 'report_incident': {
        const request = plainToInstance(ReportIncidentRequest, { ...payload, drillId: drill.drillId });
        return (await this.reportIncident.handle(request, keyed)).id;
      }
      case 'update_situation': {
        const p = payload as UpdateSituationPayload;
        const incidentId = await this.drillIncident(
          drill,
          p.incidentRef !== undefined ? drill.incidentOf[p.incidentRef] : p.incidentId,
        );
        const update = {
          casualties: p.casualties,
          directLossYuan: p.directLossYuan,
          description: p.description,
          measures: p.measures,
        };
        await this.updateSituation.handle(incidentId, update, keyed);
        return incidentId;
      }
      case 'message':
        return null;
      default:
        return unknownCase(kind);
    }
  }

  /** The incident a simulated dispatch or allocation goes on: visible to the actor (404 otherwise) and this drill's. */
  async visibleDrillIncident(drill: RunningDrill, incidentId: string, context: CommandContext): Promise<string> {
    return this.drillIncident(drill, (await this.lookup.find(incidentId, context.visibleJurisdictions)).id);
  }

  /**
   * An incident of this drill: a drill never touches a real incident (nor another drill's). Drill data lies in the
   * drill's jurisdiction or below it, so the incident is looked for there; one found nowhere is not this drill's either.
   */
  async drillIncident(drill: RunningDrill, incidentId: string | undefined): Promise<string> {
    if (!incidentId) throw new DomainError('INCIDENT_REF_NOT_EXECUTED', 'conflict', '所引用的演练接报注入尚未执行');
    const incident = await this.lookup
      .find(incidentId, this.jurisdictions.descendants(drill.jurisdiction))
      .catch((error: unknown) => {
        if (error instanceof DomainError && error.kind === 'not_found') return null;
        throw error;
      });
    if (!incident || !isOfDrill(incident, drill)) {
      throw new NotADrillIncidentRecordError(incidentId);
    }
    return incidentId;
  }
}

const isOfDrill = (incident: IncidentView, drill: RunningDrill): boolean => incident.drillId === drill.drillId;
