import { Param, Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet, uuidParam } from '@app/shared/nest';
import type { IncidentView, StoredEventView, TimelineEntryView } from '../../contract';
import { IncidentBoardQueries } from '../../read-models/incident-board/incident-board.queries';
import { IncidentEventsQueries } from '../../read-models/incident-events/incident-events.queries';
import { IncidentTimelineQueries } from '../../read-models/incident-timeline/incident-timeline.queries';
import { ListIncidentsRequest } from './list-incidents.request';

@QueryController('incidents', { tag: 'incidents' })
export class IncidentQueriesController {
  constructor(
    private readonly board: IncidentBoardQueries,
    private readonly timelines: IncidentTimelineQueries,
    private readonly stored: IncidentEventsQueries,
  ) {}

  @QueryGet(undefined, { requires: 'incident.read', summary: '事故列表（本辖区及下级辖区；默认不含演练数据）' })
  list(@Query() query: ListIncidentsRequest, @CurrentActor() actor: Actor): Promise<IncidentView[]> {
    return this.board.list({ ...query, limit: query.limit ?? 100, scope: actor.scope });
  }

  @QueryGet(':id', { requires: 'incident.read', summary: '事故详情' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<IncidentView> {
    return this.board.get(id, actor.scope);
  }

  @QueryGet(':id/timeline', { requires: 'incident.read', summary: '事故时间线' })
  timeline(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<TimelineEntryView[]> {
    return this.timelines.timeline(id, actor.scope);
  }

  /** The raw stored events with metadata, for audit: read from the store itself, not a read model. */
  @QueryGet(':id/events', { requires: 'incident.audit', summary: '原始事件（审计）' })
  events(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<StoredEventView[]> {
    return this.stored.events(id, actor.scope);
  }
}
