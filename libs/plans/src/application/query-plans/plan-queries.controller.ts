import { Param, Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet, uuidParam, Paged, type ListPaging } from '@app/shared/nest';
import { PlanRegisterQueries } from '../../read-models/plan-register/plan-register.queries';
import type { PlanVersionView, PlanView } from '../../read-models/plan-register/plan.views';
import { ListPlansRequest } from './list-plans.request';

/** How the list pages (docs/api.md, "Paging every list"). */
const PLAN_PAGING: ListPaging<PlanView> = {
  list: 'plans/1',
  order: 'title',
  kinds: ['text', 'uuid'],
  keys: (p) => [p.title, p.id],
  defaultLimit: 1000,
  maxLimit: 1000,
};

@QueryController('plans', { tag: 'plans' })
export class PlanQueriesController {
  constructor(private readonly register: PlanRegisterQueries) {}

  @Paged(PLAN_PAGING)
  @QueryGet(undefined, { requires: 'plan.read', summary: '应急预案目录：本辖区、下级辖区及上级适用于本辖区的预案' })
  list(@Query() query: ListPlansRequest, @CurrentActor() actor: Actor): Promise<PlanView[]> {
    return this.register.list(query, actor);
  }

  @QueryGet(':id', { requires: 'plan.read', summary: '预案详情（最新版本及现行版本号）' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<PlanView> {
    return this.register.get(id, actor);
  }

  @QueryGet(':id/versions/:version', { requires: 'plan.read', summary: '预案的某一版本（含已被替代的旧版本）' })
  version(
    @Param('id', uuidParam) id: string,
    @Param('version') version: string,
    @CurrentActor() actor: Actor,
  ): Promise<PlanVersionView> {
    return this.register.version(id, version, actor);
  }
}
