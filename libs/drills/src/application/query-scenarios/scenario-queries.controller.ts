import { Inject } from '@nestjs/common';
import { JURISDICTIONS, type Actor, type JurisdictionRegistry } from '@app/shared';
import {
  CurrentActor,
  ListPage,
  QueryController,
  QueryGet,
  Paged,
  type ListPaging,
  type PageRequest,
} from '@app/shared/nest';
import { DrillRegisterQueries } from '../../read-models/drill-register/drill-register.queries';
import type { ScenarioView } from '../../read-models/drill-register/drill.views';
import { readableJurisdictions } from '../drill-access';

/** How the list pages (docs/api.md, "Paging every list"). */
const SCENARIO_PAGING: ListPaging<ScenarioView> = {
  list: 'scenarios/1',
  order: 'name',
  kinds: ['text', 'uuid'],
  keys: (s) => [s.name, s.id],
  defaultLimit: 500,
  maxLimit: 1000,
};

@QueryController('scenarios', { tag: 'drills' })
export class ScenarioQueriesController {
  constructor(
    private readonly drills: DrillRegisterQueries,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  @Paged(SCENARIO_PAGING)
  @QueryGet(undefined, { requires: 'drill.read', summary: '情景库：本辖区、下级及上级辖区的情景脚本' })
  list(@CurrentActor() actor: Actor, @ListPage() page: PageRequest): Promise<ScenarioView[]> {
    return this.drills.scenarios(readableJurisdictions(actor, this.jurisdictions), page);
  }
}
