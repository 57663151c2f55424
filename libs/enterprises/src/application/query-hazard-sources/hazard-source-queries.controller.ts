import { Param, Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import {
  CurrentActor,
  ListPage,
  QueryController,
  QueryGet,
  uuidParam,
  Paged,
  type ListPaging,
  type PageRequest,
} from '@app/shared/nest';
import type { HazardAssessmentHistoryEntry, HazardGrade, HazardSourceView } from '../../contract';
import { HazardSourceRegister } from '../../read-models/hazard-source-register/hazard-source-register.queries';
import { ListHazardSourcesRequest } from './list-hazard-sources.request';

/** How the list pages (docs/api.md, "Paging every list"). */
const HAZARD_SOURCE_PAGING: ListPaging<HazardSourceView> = {
  list: 'hazard-sources/2',
  order: 'grade-enterprise-name',
  kinds: ['bigint', 'text', 'text', 'uuid'],
  // Ungraded units sort after grade IV, as grade 5: a key that is never null can be a row comparison in SQL.
  keys: (h) => [String(h.grade ?? 5), h.enterpriseName, h.name, h.id],
  defaultLimit: 1000,
  maxLimit: 2000,
};

@QueryController('hazard-sources', { tag: 'hazard-sources' })
export class HazardSourceQueriesController {
  constructor(private readonly register: HazardSourceRegister) {}

  @Paged(HAZARD_SOURCE_PAGING)
  @QueryGet(undefined, {
    requires: 'hazard_source.read',
    summary: '危险化学品单元与重大危险源（本辖区及下级辖区，一级在前）',
  })
  list(
    @Query() query: ListHazardSourcesRequest,
    @CurrentActor() actor: Actor,
    @ListPage() page: PageRequest,
  ): Promise<HazardSourceView[]> {
    return this.register.list(
      {
        scope: actor.scope,
        ...(query.jurisdiction ? { jurisdiction: query.jurisdiction } : {}),
        ...(query.enterpriseId ? { enterpriseId: query.enterpriseId } : {}),
        ...(query.grade ? { grade: Number(query.grade) as HazardGrade } : {}),
        ...(query.major === 'true' ? { majorOnly: true } : {}),
        ...(query.major === 'false' ? { minorOnly: true } : {}),
        ...(query.retired === 'true' ? { includeRetired: true } : {}),
      },
      page,
    );
  }

  @QueryGet(':id', { requires: 'hazard_source.read', summary: '危险化学品单元详情：物质、临界量、β、α、R 与级别' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<HazardSourceView> {
    return this.register.get(id, actor.scope);
  }

  @QueryGet(':id/history', { requires: 'hazard_source.read', summary: '辨识与分级的变更历史' })
  history(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<HazardAssessmentHistoryEntry[]> {
    return this.register.history(id, actor.scope);
  }
}
