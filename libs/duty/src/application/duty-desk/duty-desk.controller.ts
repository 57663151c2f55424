import { Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet } from '@app/shared/nest';
import type { DutyDeskView } from '../../contract';
import { DutyJurisdictionQuery } from '../query-duty/duty-queries.request';
import { DutyDeskReader } from './duty-desk.reader';

@QueryController('duty', { tag: 'duty' })
export class DutyDeskController {
  constructor(private readonly reader: DutyDeskReader) {}

  @QueryGet('desk', {
    requires: 'duty.read',
    summary:
      '值班台：当前班次与带班领导、待确认的交接班、按到期时间排序的待报/超时上报时限、待应答与本级发起的点名、生效中的预警（不含演练数据）',
  })
  desk(@Query() query: DutyJurisdictionQuery, @CurrentActor() actor: Actor): Promise<DutyDeskView> {
    return this.reader.desk(query.jurisdiction ?? actor.jurisdiction, actor);
  }
}
