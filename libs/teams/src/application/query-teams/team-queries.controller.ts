import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource, In } from 'typeorm';
import { JURISDICTIONS, type Actor, type JurisdictionRegistry } from '@app/shared';
import { CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import { TeamNotFoundError } from '../../domain/team.errors';
import { TeamAvailabilityRow } from '../../read-models/team-availability.entity';
import { toTeamView, type TeamView } from '../../read-models/team.views';
import { ListTeamsRequest } from './list-teams.request';

@ApiTags('teams')
@Controller('teams')
export class TeamQueriesController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  @Get()
  @Requires('team.read')
  @ApiOperation({ summary: '救援队伍及其状态（本辖区及下级辖区）' })
  async list(@Query() query: ListTeamsRequest, @CurrentActor() actor: Actor): Promise<TeamView[]> {
    const asked = query.jurisdiction ? this.jurisdictions.descendants(query.jurisdiction) : actor.scope;
    const qb = this.dataSource
      .getRepository(TeamAvailabilityRow)
      .createQueryBuilder('t')
      .where({ jurisdiction: In(asked.filter((c) => actor.scope.includes(c))) })
      .orderBy('t.name', 'ASC');
    if (query.status) qb.andWhere('t.status = :status', { status: query.status });
    if (query.specialty) qb.andWhere(':specialty = any(t.specialties)', { specialty: query.specialty });
    return (await qb.getMany()).map((row) => toTeamView(row, this.jurisdictions));
  }

  @Get(':id')
  @Requires('team.read')
  @ApiOperation({ summary: '队伍详情' })
  async get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<TeamView> {
    const row = await this.dataSource.getRepository(TeamAvailabilityRow).findOneBy({ id, jurisdiction: In([...actor.scope]) });
    if (!row) throw new TeamNotFoundError();
    return toTeamView(row, this.jurisdictions);
  }
}
