import { Injectable } from '@nestjs/common';
import { IncidentLookup } from '@app/incidents';
import type { Actor } from '@app/shared';
import type { ConsultationView } from '../../contract';
import { ConsultationQueries } from '../../read-models/consultations/consultation.queries';

/** An incident's consultations, for an actor who sees the incident (404 INCIDENT_NOT_FOUND otherwise). */
@Injectable()
export class IncidentConsultations {
  constructor(
    private readonly incidents: IncidentLookup,
    private readonly consultations: ConsultationQueries,
  ) {}

  async of(incidentId: string, actor: Actor): Promise<ConsultationView[]> {
    const incident = await this.incidents.find(incidentId, actor.scope);
    return this.consultations.ofIncident(incident.id);
  }
}
