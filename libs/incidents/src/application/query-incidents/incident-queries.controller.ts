import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/shared';
import { CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import { IncidentBoardQueries } from '../../read-models/incident-board/incident-board.queries';
import { IncidentEventsQueries } from '../../read-models/incident-events/incident-events.queries';
import { IncidentTimelineQueries } from '../../read-models/incident-timeline/incident-timeline.queries';
import { ListIncidentsRequest } from './list-incidents.request';

@ApiTags('incidents')
@Controller('incidents')
export class IncidentQueriesController {
  constructor(
    private readonly board: IncidentBoardQueries,
    private readonly timelines: IncidentTimelineQueries,
    private readonly stored: IncidentEventsQueries,
  ) {}

  @Get()
  @Requires('incident.read')
  @ApiOperation({ summary: '事故列表（本辖区及下级辖区；默认不含演练数据）' })
  list(@Query() query: ListIncidentsRequest, @CurrentActor() actor: Actor) {
    return this.board.list({ ...query, limit: query.limit ?? 100, scope: actor.scope });
  }

  @Get(':id')
  @Requires('incident.read')
  @ApiOperation({ summary: '事故详情' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.board.get(id, actor.scope);
  }

  @Get(':id/timeline')
  @Requires('incident.read')
  @ApiOperation({ summary: '事故时间线' })
  timeline(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.timelines.timeline(id, actor.scope);
  }

  /** The raw stored events with metadata, for audit: read from the store itself, not a read model. */
  @Get(':id/events')
  @Requires('incident.audit')
  @ApiOperation({ summary: '原始事件（审计）' })
  events(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.stored.events(id, actor.scope);
  }
}
