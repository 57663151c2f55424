import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/shared';
import { CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import { PlanRegisterQueries } from '../../read-models/plan-register/plan-register.queries';
import type { PlanVersionView, PlanView } from '../../read-models/plan-register/plan.views';
import { ListPlansRequest } from './list-plans.request';

@ApiTags('plans')
@Controller('plans')
export class PlanQueriesController {
  constructor(private readonly register: PlanRegisterQueries) {}

  @Get()
  @Requires('plan.read')
  @ApiOperation({ summary: '应急预案目录：本辖区、下级辖区及上级适用于本辖区的预案' })
  list(@Query() query: ListPlansRequest, @CurrentActor() actor: Actor): Promise<PlanView[]> {
    return this.register.list(query, actor);
  }

  @Get(':id')
  @Requires('plan.read')
  @ApiOperation({ summary: '预案详情（最新版本及现行版本号）' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<PlanView> {
    return this.register.get(id, actor);
  }

  @Get(':id/versions/:version')
  @Requires('plan.read')
  @ApiOperation({ summary: '预案的某一版本（含已被替代的旧版本）' })
  version(
    @Param('id', uuidParam) id: string,
    @Param('version') version: string,
    @CurrentActor() actor: Actor,
  ): Promise<PlanVersionView> {
    return this.register.version(id, version, actor);
  }
}
