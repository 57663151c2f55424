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
import type { ShelterOccupancyEntry, ShelterView } from '../../contract';
import { ShelterRegister } from '../../read-models/shelter-register/shelter-register.queries';
import { ListSheltersRequest } from './list-shelters.request';

/** How the list pages (docs/api.md, "Paging every list"). */
const SHELTER_PAGING: ListPaging<ShelterView> = {
  list: 'shelters/1',
  order: 'jurisdiction-name',
  kinds: ['text', 'text', 'uuid'],
  keys: (s) => [s.jurisdiction, s.name, s.id],
  defaultLimit: 500,
  maxLimit: 500,
};

@QueryController('shelters', { tag: 'shelters' })
export class ShelterQueriesController {
  constructor(private readonly register: ShelterRegister) {}

  @Paged(SHELTER_PAGING)
  @QueryGet(undefined, { requires: 'shelter.read', summary: '应急避难场所（本辖区及下级辖区）' })
  list(
    @Query() query: ListSheltersRequest,
    @CurrentActor() actor: Actor,
    @ListPage() page: PageRequest,
  ): Promise<ShelterView[]> {
    return this.register.list(
      {
        ...(query.jurisdiction ? { jurisdiction: query.jurisdiction } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.hasRoom ? { hasRoom: query.hasRoom === 'true' } : {}),
        scope: actor.scope,
      },
      page,
    );
  }

  @QueryGet(':id', { requires: 'shelter.read', summary: '避难场所详情' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<ShelterView> {
    return this.register.get(id, actor.scope);
  }

  @QueryGet(':id/occupancy', { requires: 'shelter.read', summary: '避难场所安置人数的登记记录（最新在前）' })
  occupancy(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<ShelterOccupancyEntry[]> {
    return this.register.occupancy(id, actor.scope);
  }
}
