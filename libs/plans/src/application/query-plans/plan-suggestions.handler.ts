import { Injectable } from '@nestjs/common';
import { IncidentLookup } from '@app/incidents';
import type { Actor } from '@app/shared';
import {
  PlanSuggestionQueries,
  type PlanSuggestionsView,
} from '../../read-models/plan-suggestions/plan-suggestion.queries';

/** The plans an incident's facts suggest, for an incident the actor can see (else 404: existence does not leak). */
@Injectable()
export class PlanSuggestionsHandler {
  constructor(
    private readonly incidents: IncidentLookup,
    private readonly suggestions: PlanSuggestionQueries,
  ) {}

  async handle(incidentId: string, actor: Actor): Promise<PlanSuggestionsView> {
    await this.incidents.find(incidentId, actor.scope);
    return this.suggestions.forIncident(incidentId);
  }
}
