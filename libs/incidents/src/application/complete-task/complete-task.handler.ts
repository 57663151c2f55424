import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { TaskNotFoundError } from '../../domain/incident/incident.errors';
import { IncidentAnswer, type IncidentCommandResponse } from '../incident-answer';
import { incidentAggregate } from '../incident.aggregate';
import type { CompleteTaskRequest } from './complete-task.request';

/** Task ids are `<plan>-v<version>-g<group>-t<task>` (see checklistTaskId); anything else names no task. */
const TASK_ID = /^[0-9a-f]{8}-v\d{1,6}-g\d{1,3}-t\d{1,4}$/;

/** A checklist task of an active plan done, by whom and with what note. */
@Injectable()
export class CompleteTaskHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: IncidentAnswer,
  ) {}

  async handle(
    incidentId: string,
    taskId: string,
    body: CompleteTaskRequest,
    context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    if (!TASK_ID.test(taskId)) throw new TaskNotFoundError(taskId.slice(0, 80));
    const command = {
      type: 'CompleteChecklistTask',
      taskId,
      ...(body.note !== undefined ? { note: body.note } : {}),
      completedBy: context.actorName ?? context.actorId,
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(incidentAggregate, incidentId, command, context));
  }
}
