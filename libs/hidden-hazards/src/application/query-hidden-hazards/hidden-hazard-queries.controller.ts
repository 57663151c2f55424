import { Param, Query } from '@nestjs/common';
import { OutsideJurisdictionError, type Actor } from '@app/shared';
import {
  CurrentActor,
  ListPage,
  Paged,
  pageKeysOf,
  QueryController,
  QueryGet,
  uuidParam,
  type ListPaging,
  type PageRequest,
} from '@app/shared/nest';
import type { HiddenHazardSummaryView, HiddenHazardView } from '../../contract';
import { HiddenHazardSummaryRangeInvalidError } from '../../domain/hidden-hazard/hidden-hazard.errors';
import { HiddenHazardRegister } from '../../read-models/hidden-hazard-register/hidden-hazard-register.queries';
import { HiddenHazardSummaryRequest, ListHiddenHazardsRequest } from './list-hidden-hazards.request';

// Overdue first, then by status, the nearest deadline, the latest change (hidden-hazard-register.queries.ts).
const HIDDEN_HAZARD_STATUS_RANK: Record<string, number> = { rectifying: 0, rectified: 1, verified: 2 };

/** How the list pages (docs/api.md, "Paging every list"). */
const HIDDEN_HAZARD_PAGING: ListPaging<HiddenHazardView> = {
  list: 'hidden-hazards/1',
  order: 'overdue-status-deadline',
  kinds: ['bigint', 'bigint', 'bigint', 'bigint', 'uuid'],
  keys: (h) =>
    pageKeysOf(h) ?? [
      h.overdue ? '0' : '1',
      String(HIDDEN_HAZARD_STATUS_RANK[h.status] ?? 3),
      String(Date.parse(h.rectification.deadline)),
      String(-Date.parse(h.updatedAt)),
      h.id,
    ],
  defaultLimit: 1000,
  maxLimit: 2000,
};

@QueryController('hidden-hazards', { tag: 'hidden-hazards' })
export class HiddenHazardQueriesController {
  constructor(private readonly register: HiddenHazardRegister) {}

  @Paged(HIDDEN_HAZARD_PAGING)
  @QueryGet(undefined, {
    requires: 'hidden_hazard.read',
    summary: '隐患台账（本辖区及下级辖区；整改逾期的在前）',
  })
  list(
    @Query() query: ListHiddenHazardsRequest,
    @CurrentActor() actor: Actor,
    @ListPage() page: PageRequest,
  ): Promise<HiddenHazardView[]> {
    return this.register.list(
      {
        scope: actor.scope,
        ...(query.jurisdiction ? { jurisdiction: query.jurisdiction } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.grade ? { grade: query.grade } : {}),
        ...(query.enterpriseId ? { enterpriseId: query.enterpriseId } : {}),
        ...(query.overdue ? { overdue: query.overdue === 'true' } : {}),
      },
      page,
    );
  }

  @QueryGet('summary', {
    requires: 'hidden_hazard.read',
    summary: '隐患排查治理统计：按企业或辖区的隐患数、整改数与整改率',
  })
  summary(@Query() query: HiddenHazardSummaryRequest, @CurrentActor() actor: Actor): Promise<HiddenHazardSummaryView> {
    const jurisdiction = query.jurisdiction ?? actor.jurisdiction;
    if (!actor.scope.includes(jurisdiction)) throw new OutsideJurisdictionError(jurisdiction);
    if (query.from && query.to && new Date(query.from).getTime() >= new Date(query.to).getTime())
      throw new HiddenHazardSummaryRangeInvalidError();
    return this.register.summary({
      scope: actor.scope,
      jurisdiction,
      groupBy: query.groupBy ?? 'enterprise',
      ...(query.from ? { from: new Date(query.from) } : {}),
      ...(query.to ? { to: new Date(query.to) } : {}),
    });
  }

  @QueryGet(':id', { requires: 'hidden_hazard.read', summary: '隐患详情：督办、整改、验收与销号' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<HiddenHazardView> {
    return this.register.get(id, actor.scope);
  }
}
