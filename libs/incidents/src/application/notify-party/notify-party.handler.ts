import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { IncidentAnswer, type IncidentCommandResponse } from '../incident-answer';
import { incidentAggregate } from '../incident.aggregate';
import type { NotifyPartyRequest } from './notify-party.request';

/** 通知 (条例493 第十条): meets that party's line of the notification checklist. */
@Injectable()
export class NotifyPartyHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: IncidentAnswer,
  ) {}

  async handle(
    incidentId: string,
    body: NotifyPartyRequest,
    context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    const command = {
      type: 'NotifyParty',
      party: body.party,
      channel: body.channel,
      notifiedBy: context.actorName ?? context.actorId,
      ...(body.notifiedAt !== undefined ? { notifiedAt: new Date(body.notifiedAt) } : {}),
      ...(body.recipient !== undefined ? { recipient: { unit: body.recipient.unit, name: body.recipient.name } } : {}),
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(incidentAggregate, incidentId, command, context));
  }
}
