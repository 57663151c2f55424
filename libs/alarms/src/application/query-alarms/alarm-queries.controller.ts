import { Param, Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet, uuidParam } from '@app/shared/nest';
import { AlarmQueries } from '../../read-models/alarms/alarm.queries';
import type { AlarmView } from '../../read-models/alarms/alarm.views';
import { ListAlarmsRequest } from './list-alarms.request';

@QueryController('alarms', { tag: 'alarms' })
export class AlarmQueriesController {
  constructor(private readonly alarms: AlarmQueries) {}

  @QueryGet(undefined, {
    requires: 'alarm.read',
    summary: '告警列表（本辖区及下级辖区；未确认在前，按紧急程度排序；至多 200 条）',
  })
  list(@Query() query: ListAlarmsRequest, @CurrentActor() actor: Actor): Promise<AlarmView[]> {
    return this.alarms.list({ ...query, scope: actor.scope });
  }

  @QueryGet(':id', { requires: 'alarm.read', summary: '告警详情' })
  get(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<AlarmView> {
    return this.alarms.get(id, actor.scope);
  }
}
