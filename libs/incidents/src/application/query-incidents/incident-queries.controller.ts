import { Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { domainError } from '@app/shared';
import type { Actor } from '@app/shared';
import { CurrentActor, nextPageUrl, QueryController, QueryGet, uuidParam } from '@app/shared/nest';
import type { IncidentView, StoredEventView, TimelineEntryView } from '../../contract';
import { IncidentBoardQueries } from '../../read-models/incident-board/incident-board.queries';
import { IncidentEventsQueries } from '../../read-models/incident-events/incident-events.queries';
import { IncidentTimelineQueries } from '../../read-models/incident-timeline/incident-timeline.queries';
import { ListIncidentsRequest } from './list-incidents.request';

const ReceivedRangeInvalidError = domainError<[]>({
  code: 'RECEIVED_RANGE_INVALID',
  kind: 'invalid',
  message: '接报时间范围无效：起始时间须早于截止时间',
});

@QueryController('incidents', { tag: 'incidents' })
export class IncidentQueriesController {
  constructor(
    private readonly board: IncidentBoardQueries,
    private readonly timelines: IncidentTimelineQueries,
    private readonly stored: IncidentEventsQueries,
  ) {}

  /**
   * The body stays an array of incidents, as before paging existed; the count and the next page travel as headers
   * (`X-Total-Count`, `X-Open-Count`, `Link: <…>; rel="next"`), so older clients read the first page unchanged.
   */
  @QueryGet(undefined, {
    requires: 'incident.read',
    summary: '事故列表（本辖区及下级辖区；默认不含演练数据；分页见 Link 头）',
  })
  async list(
    @Query() query: ListIncidentsRequest,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IncidentView[]> {
    const since = query.since ? new Date(query.since) : undefined;
    const until = query.until ? new Date(query.until) : undefined;
    if (since && until && since >= until) throw new ReceivedRangeInvalidError();
    const limit = query.limit ?? 100;
    const page = await this.board.page({
      ...query,
      receivedSince: since,
      receivedUntil: until,
      limit,
      scope: actor.scope,
    });
    reply.header('X-Total-Count', String(page.total));
    reply.header('X-Open-Count', String(page.open));
    if (page.next) reply.header('Link', `<${nextPageUrl(request.url, page.next)}>; rel="next"`);
    return page.items;
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
