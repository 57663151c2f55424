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
import { AlarmQueries } from '../../read-models/alarms/alarm.queries';
import type { AlarmView } from '../../read-models/alarms/alarm.views';
import { ListAlarmsRequest } from './list-alarms.request';

// Unacknowledged first, as the alarm list has always been read (alarm.queries.ts).
const ALARM_STATUS_RANK: Record<string, number> = { raised: 0, acknowledged: 1, resolved: 2 };

/** How the list pages (docs/api.md, "Paging every list"). */
const ALARM_PAGING: ListPaging<AlarmView> = {
  list: 'alarms/1',
  order: 'status-urgency',
  kinds: ['bigint', 'bigint', 'uuid'],
  keys: (a) => [String(ALARM_STATUS_RANK[a.status] ?? 2), String(a.urgency), a.id],
  defaultLimit: 200,
  maxLimit: 200,
};

@QueryController('alarms', { tag: 'alarms' })
export class AlarmQueriesController {
  constructor(private readonly alarms: AlarmQueries) {}

  @Paged(ALARM_PAGING)
  @QueryGet(undefined, {
    requires: 'alarm.read',
    summary: '告警列表（本辖区及下级辖区；未确认在前，按紧急程度排序；至多 200 条）',
  })
  list(
    @Query() query: ListAlarmsRequest,
    @CurrentActor() actor: Actor,
    @ListPage() page: PageRequest,
  ): Promise<AlarmView[]> {
    return this.alarms.list({ ...query, scope: actor.scope }, page);
  }

  @QueryGet(':id', { requires: 'alarm.read', summary: '告警详情' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<AlarmView> {
    return this.alarms.get(id, actor.scope);
  }
}
