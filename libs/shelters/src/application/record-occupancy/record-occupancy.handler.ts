import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { IncidentLookup } from '@app/incidents';
import type { Actor } from '@app/shared';
import { shelterAggregate } from '../shelter.aggregate';
import { ShelterAnswer, type ShelterCommandResponse } from '../shelter-answer';
import type { RecordOccupancyRequest } from './record-occupancy.request';

/**
 * 登记安置人数 of a shelter the actor sees, for an incident the actor sees (404 otherwise) or none. A drill incident
 * is refused by the decider (422 SHELTER_DRILL_INCIDENT): a drill never changes a real shelter's occupancy.
 */
@Injectable()
export class RecordOccupancyHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly incidents: IncidentLookup,
    private readonly answer: ShelterAnswer,
  ) {}

  async handle(
    shelterId: string,
    body: RecordOccupancyRequest,
    actor: Actor,
    context: CommandContext,
  ): Promise<ShelterCommandResponse> {
    const incident = body.incidentId ? await this.incidents.find(body.incidentId, actor.scope) : null;
    const executed = await this.executor.execute(
      shelterAggregate,
      shelterId,
      {
        type: 'RecordOccupancy',
        occupants: body.occupants,
        incident: incident ? { id: incident.id, title: incident.title, drillId: incident.drillId } : null,
        note: body.note?.trim() || null,
        now: this.executor.now(),
      },
      context,
    );
    return this.answer.of(executed);
  }
}
