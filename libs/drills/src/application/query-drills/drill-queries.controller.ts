import { Param, Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet, uuidParam, Paged, type ListPaging } from '@app/shared/nest';
import { DrillRegisterQueries } from '../../read-models/drill-register/drill-register.queries';
import type { DrillView } from '../../read-models/drill-register/drill.views';
import { ListDrillsRequest } from './list-drills.request';

/** How the list pages (docs/api.md, "Paging every list"). */
const DRILL_PAGING: ListPaging<DrillView> = {
  list: 'drills/1',
  order: 'planned-desc',
  kinds: ['bigint', 'uuid'],
  keys: (d) => [String(-Date.parse(d.plannedAt)), d.id],
  defaultLimit: 1000,
  maxLimit: 1000,
};

@QueryController('drills', { tag: 'drills' })
export class DrillQueriesController {
  constructor(private readonly drills: DrillRegisterQueries) {}

  @Paged(DRILL_PAGING)
  @QueryGet(undefined, { requires: 'drill.read', summary: '演练列表（本辖区及下级）' })
  list(@Query() query: ListDrillsRequest, @CurrentActor() actor: Actor): Promise<DrillView[]> {
    return this.drills.list({ ...query, scope: actor.scope });
  }

  @QueryGet(':id', { requires: 'drill.read', summary: '演练详情（含已执行的注入）' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<DrillView> {
    return this.drills.get(id, actor.scope);
  }
}
