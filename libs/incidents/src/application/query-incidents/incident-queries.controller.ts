import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/shared';
import { CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import { EVENT_STORE, formatPosition, StreamNotFoundError, type EventStore, readWholeStream } from '@app/event-store';
import type { StoredEventView } from '../../contract';
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
  @Requires('incident.read')
  @ApiOperation({ summary: '事故列表（本辖区及下级辖区；默认不含演练数据）' })
  list(@Query() query: ListIncidentsRequest, @CurrentActor() actor: Actor) {
    return this.queries.execute(new ListIncidentsQuery({ ...query, limit: query.limit ?? 100, scope: actor.scope }));
  }

  @Get(':id')
  @Requires('incident.read')
  @ApiOperation({ summary: '事故详情' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetIncidentQuery(id, actor.scope));
  }

  @Get(':id/timeline')
  @Requires('incident.read')
  @ApiOperation({ summary: '事故时间线' })
  timeline(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor) {
    return this.queries.execute(new GetIncidentTimelineQuery(id, actor.scope));
  }

  /** The raw stored events with metadata, for audit: read from the store itself, not a read model. */
  @Get(':id/events')
  @Requires('incident.audit')
  @ApiOperation({ summary: '原始事件（审计）' })
  async events(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<StoredEventView[]> {
    try {
      const events = await readWholeStream(this.store, incidentStream(id));
      // Every incident event carries the incident's jurisdiction; outside the actor's scope it does not exist.
      if (!events.some((e) => typeof e.metadata.jurisdiction === 'string' && actor.scope.includes(e.metadata.jurisdiction))) {
        throw new IncidentNotFoundError();
      }
      return events.map((e) => ({
        id: e.id,
        type: e.type,
        revision: Number(e.revision),
        position: formatPosition(e.position),
        recordedAt: e.recordedAt.toISOString(),
        // Every event of an incident stream is recorded from an object (its event type's data).
        data: e.data as Record<string, unknown>,
        metadata: e.metadata,
      }));
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new IncidentNotFoundError();
      throw error;
    }
  }
}
