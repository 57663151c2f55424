import { Param, Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet, uuidParam, Paged, type ListPaging } from '@app/shared/nest';
import { TeamAvailabilityQueries } from '../../read-models/team-availability/team-availability.queries';
import type { TeamView } from '../../read-models/team-availability/team.views';
import { ListTeamsRequest } from './list-teams.request';

/** How the list pages (docs/api.md, "Paging every list"). */
const TEAM_PAGING: ListPaging<TeamView> = {
  list: 'teams/1',
  order: 'name',
  kinds: ['text', 'uuid'],
  keys: (t) => [t.name, t.id],
  defaultLimit: 1000,
  maxLimit: 1000,
};

@QueryController('teams', { tag: 'teams' })
export class TeamQueriesController {
  constructor(private readonly teams: TeamAvailabilityQueries) {}

  @Paged(TEAM_PAGING)
  @QueryGet(undefined, { requires: 'team.read', summary: '救援队伍及其状态（本辖区及下级辖区）' })
  list(@Query() query: ListTeamsRequest, @CurrentActor() actor: Actor): Promise<TeamView[]> {
    return this.teams.list({ ...query, scope: actor.scope });
  }

  @QueryGet(':id', { requires: 'team.read', summary: '队伍详情' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<TeamView> {
    return this.teams.get(id, actor.scope);
  }
}
