import { Param, Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import {
  CurrentActor,
  QueryController,
  QueryGet,
  uuidParam,
  ListPage,
  Paged,
  type ListPaging,
  type PageRequest,
} from '@app/shared/nest';
import type { ExpertView } from '../../contract';
import { ExpertRegister } from '../../read-models/expert-register/expert-register.queries';
import { ListExpertsRequest } from './list-experts.request';

/** How the list pages (docs/api.md, "Paging every list"). */
const EXPERT_PAGING: ListPaging<ExpertView> = {
  list: 'experts/1',
  order: 'active-jurisdiction-name',
  kinds: ['bigint', 'text', 'text', 'uuid'],
  keys: (e) => [e.active ? '0' : '1', e.jurisdiction, e.name, e.id],
  defaultLimit: 500,
  maxLimit: 500,
};

@QueryController('experts', { tag: 'experts' })
export class ExpertQueriesController {
  constructor(private readonly register: ExpertRegister) {}

  @Paged(EXPERT_PAGING)
  @QueryGet(undefined, { requires: 'expert.read', summary: '专家库（本辖区、下级辖区及上级辖区的专家）' })
  list(
    @Query() query: ListExpertsRequest,
    @CurrentActor() actor: Actor,
    @ListPage() page: PageRequest,
  ): Promise<ExpertView[]> {
    return this.register.list(query, actor, page);
  }

  @QueryGet(':id', { requires: 'expert.read', summary: '专家详情' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<ExpertView> {
    return this.register.get(id, actor);
  }
}
