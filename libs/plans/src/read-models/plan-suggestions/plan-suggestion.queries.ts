import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PlanSuggestionsView } from '../../contract';
import { PlanSuggestionRow } from './plan-suggestion.entity';
import { toSuggestionView } from './plan-suggestion.projection';

export type { PlanSuggestionsView } from '../../contract';

/** The plans an incident's facts currently suggest; whether the actor may see the incident is asked of incidents. */
@Injectable()
export class PlanSuggestionQueries {
  constructor(private readonly dataSource: DataSource) {}

  async forIncident(incidentId: string): Promise<PlanSuggestionsView> {
    const row = await this.dataSource.getRepository(PlanSuggestionRow).findOneBy({ incidentId });
    return row ? toSuggestionView(row) : { incidentId, title: '', responseLevel: null, drillId: null, suggestions: [] };
  }
}
