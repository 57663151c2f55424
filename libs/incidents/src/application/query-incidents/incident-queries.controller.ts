import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { uuidParam } from '@app/shared/nest';
import { EVENT_STORE, formatPosition, StreamNotFoundError, type EventStore } from '@app/event-store';
import { IncidentNotFoundError } from '../../domain/incident.errors';
import { incidentStream } from '../../domain/incident.types';
import { GetIncidentQuery, GetIncidentTimelineQuery, ListIncidentsQuery } from '../../read-models/incident.queries';
import { ListIncidentsRequest } from './list-incidents.request';


@ApiTags('incidents')
@Controller('incidents')
export class IncidentQueriesController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @ApiOperation({ summary: '事故列表（默认不含演练数据）' })
  list(@Query() query: ListIncidentsRequest) {
    return this.queries.execute(new ListIncidentsQuery({ ...query, limit: query.limit ?? 100 }));
  }

  @Get(':id')
  @ApiOperation({ summary: '事故详情' })
  get(@Param('id', uuidParam) id: string) {
    return this.queries.execute(new GetIncidentQuery(id));
  }

  @Get(':id/timeline')
  @ApiOperation({ summary: '事故时间线' })
  timeline(@Param('id', uuidParam) id: string) {
    return this.queries.execute(new GetIncidentTimelineQuery(id));
  }

  /** The raw stored events with metadata, for audit: read from the store itself, not a read model. */
  @Get(':id/events')
  @ApiOperation({ summary: '原始事件（审计）' })
  async events(@Param('id', uuidParam) id: string) {
    try {
      const events = await this.store.readStream(incidentStream(id));
      return events.map((e) => ({
        id: e.id,
        type: e.type,
        revision: Number(e.revision),
        position: formatPosition(e.position),
        recordedAt: e.recordedAt.toISOString(),
        data: e.data,
        metadata: e.metadata,
      }));
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new IncidentNotFoundError();
      throw error;
    }
  }
}
