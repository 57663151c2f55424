import { Param, Query } from '@nestjs/common';
import type { IncidentView } from '@app/incidents';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet, uuidParam } from '@app/shared/nest';
import { IncidentHistoryReader } from '../history/incident-history.reader';
import { StateAtRequest } from './state-at.request';

/** `GET /incidents/{id}/state?at=`: the incident as the board showed it at that moment (复盘, docs/domain.md rule 23). */
@QueryController('incidents', { tag: 'replay' })
export class IncidentStateController {
  constructor(private readonly history: IncidentHistoryReader) {}

  @QueryGet(':id/state', {
    requires: 'incident.read',
    summary: '事故在某一时刻的状态（由事件重演，与当时看板所示一致）',
  })
  state(
    @Param('id', uuidParam) id: string,
    @Query() query: StateAtRequest,
    @CurrentActor() actor: Actor,
  ): Promise<IncidentView> {
    return this.history.stateAt(id, query.at, actor);
  }
}
