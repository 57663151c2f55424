import { Param, Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet, uuidParam } from '@app/shared/nest';
import type { IncidentAccountView, TimelinePageView } from '../../contract';
import { IncidentAccountQueries } from '../../read-models/incident-account/incident-account.queries';
import { IncidentTimelineQueries } from '../../read-models/incident-timeline/incident-timeline.queries';
import { TimelinePageRequest } from './timeline-page.request';

/** What the incident's workspace reads besides the incident itself: its log a page at a time, and its account. */
@QueryController('incidents', { tag: 'incidents' })
export class IncidentWorkspaceController {
  constructor(
    private readonly timelines: IncidentTimelineQueries,
    private readonly accounts: IncidentAccountQueries,
  ) {}

  @QueryGet(':id/timeline/page', { requires: 'incident.read', summary: '事故时间线（最新在前，分页）' })
  timelinePage(
    @Param('id', uuidParam) id: string,
    @Query() query: TimelinePageRequest,
    @CurrentActor() actor: Actor,
  ): Promise<TimelinePageView> {
    return this.timelines.page(id, actor.scope, { limit: query.limit ?? 20, before: query.before });
  }

  @QueryGet(':id/account', { requires: 'incident.read', summary: '事故经过：接报原始经过与历次续报' })
  account(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<IncidentAccountView> {
    return this.accounts.account(id, actor.scope);
  }
}
