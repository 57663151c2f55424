import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { DomainError } from '@app/shared';
import type { OpenIncidentRecord, OwedObligationRecord } from './incident-board.queries';
import {
  GetIncidentDrillQuery,
  GetIncidentQuery,
  GetIncidentViewQuery,
  ListIncidentsOwingReportsQuery,
  ListOpenIncidentsQuery,
  ListOwedObligationsQuery,
} from './incident-board.query-messages';
import type { IncidentView } from './incident.views';

/** What another context says when an incident may not receive its resources (closed, or a drill's). */
export interface IncidentRefusals {
  /** 409 INCIDENT_CLOSED */
  closed: string;
  /** 422 DRILL_INCIDENT */
  drill: string;
}

/**
 * The incidents context's query port for the other contexts: what they may ask about an incident before acting on it.
 * Declared once here so that "the incident exists for this actor, is open and is real" reads the same everywhere.
 * A consumer lists it among its own providers (it needs only the QueryBus).
 */
@Injectable()
export class IncidentLookup {
  constructor(private readonly queries: QueryBus) {}

  /** The incident as the actor's scope shows it; 404 INCIDENT_NOT_FOUND outside the scope, so existence does not leak. */
  find(incidentId: string, scope: readonly string[] | undefined): Promise<IncidentView> {
    return this.queries.execute(new GetIncidentQuery(incidentId, scope ?? []));
  }

  /**
   * The drill the incident belongs to (null: a real incident), undefined when there is none; not scoped, for a drill
   * that checks it touches only its own incidents (its scheduler acts as the system, without an actor's scope).
   */
  drillOf(incidentId: string): Promise<string | null | undefined> {
    return this.queries.execute(new GetIncidentDrillQuery(incidentId));
  }

  /** The open incidents of these jurisdictions with their obligations as stored: what a watch hands over. */
  openIncidentsIn(jurisdictions: readonly string[]): Promise<OpenIncidentRecord[]> {
    return this.queries.execute(new ListOpenIncidentsQuery(jurisdictions));
  }

  /** The bureau's pending obligations of real incidents here (open or ended), earliest due first, at most `limit`, and their total. */
  owedObligations(
    jurisdictions: readonly string[],
    limit: number,
  ): Promise<{ total: number; obligations: OwedObligationRecord[] }> {
    return this.queries.execute(new ListOwedObligationsQuery(jurisdictions, limit));
  }

  /** Every real incident that still owes a report, open or closed (after 响应终止 the 终报 is still owed). */
  incidentsOwingReports(): Promise<IncidentView[]> {
    return this.queries.execute(new ListIncidentsOwingReportsQuery());
  }

  /** The incident as stored, whoever asks, or null when there is none: for a system watch, never for an actor. */
  incidentById(incidentId: string): Promise<IncidentView | null> {
    return this.queries.execute(new GetIncidentViewQuery(incidentId));
  }

  /** Real resources (teams, stock) go only to an open, real incident; drills have their own simulated road. */
  async openRealIncident(
    incidentId: string,
    scope: readonly string[] | undefined,
    refusals: IncidentRefusals,
  ): Promise<IncidentView> {
    const incident = await this.find(incidentId, scope);
    if (incident.status === 'closed') throw new DomainError('INCIDENT_CLOSED', 'conflict', refusals.closed);
    if (incident.drillId) throw new DomainError('DRILL_INCIDENT', 'rule', refusals.drill);
    return incident;
  }
}
