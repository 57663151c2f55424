import { Inject } from '@nestjs/common';
import { JURISDICTIONS, type Actor, type JurisdictionRegistry } from '@app/shared';
import { CurrentActor, QueryController, QueryGet } from '@app/shared/nest';
import { DrillRegisterQueries } from '../../read-models/drill-register/drill-register.queries';
import type { ScenarioView } from '../../read-models/drill-register/drill.views';
import { readableJurisdictions } from '../drill-access';

@QueryController('scenarios', { tag: 'drills' })
export class ScenarioQueriesController {
  constructor(
    private readonly drills: DrillRegisterQueries,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  @QueryGet(undefined, { requires: 'drill.read', summary: '情景库：本辖区、下级及上级辖区的情景脚本' })
  list(@CurrentActor() actor: Actor): Promise<ScenarioView[]> {
    return this.drills.scenarios(readableJurisdictions(actor, this.jurisdictions));
  }
}
