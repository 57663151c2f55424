import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { JURISDICTIONS, type Actor, type JurisdictionRegistry } from '@app/shared';
import { CurrentActor, Requires } from '@app/shared/nest';
import { DrillRegisterQueries } from '../../read-models/drill-register/drill-register.queries';
import type { ScenarioView } from '../../read-models/drill-register/drill.views';
import { readableJurisdictions } from '../drill-access';

@ApiTags('drills')
@Controller('scenarios')
export class ScenarioQueriesController {
  constructor(
    private readonly drills: DrillRegisterQueries,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  @Get()
  @Requires('drill.read')
  @ApiOperation({ summary: '情景库：本辖区、下级及上级辖区的情景脚本' })
  list(@CurrentActor() actor: Actor): Promise<ScenarioView[]> {
    return this.drills.scenarios(readableJurisdictions(actor, this.jurisdictions));
  }
}
