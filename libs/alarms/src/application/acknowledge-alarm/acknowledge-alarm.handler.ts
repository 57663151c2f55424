import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { UserNames } from '@app/identity';
import { alarmAggregate } from '../alarm.aggregate';
import { AlarmAnswer, type AlarmCommandResponse } from '../alarm-answer';
import type { AcknowledgeAlarmRequest } from './acknowledge-alarm.request';

/**
 * 确认告警: the person who takes the alarm in hand, by name. Outside the actor's jurisdictions the alarm is not found
 * (the executor checks the stream's jurisdiction); a second acknowledgement changes nothing and answers the first.
 */
@Injectable()
export class AcknowledgeAlarmHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: AlarmAnswer,
    private readonly names: UserNames,
  ) {}

  async handle(alarmId: string, body: AcknowledgeAlarmRequest, context: CommandContext): Promise<AlarmCommandResponse> {
    const signInName = context.actorName ?? context.actorId;
    const note = body.note?.trim() ? body.note.trim() : null;
    const command = {
      type: 'AcknowledgeAlarm',
      by: { id: context.actorId, name: await this.names.displayNameOf(context.actorId, signInName) },
      note,
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(alarmAggregate, alarmId, command, context));
  }
}
