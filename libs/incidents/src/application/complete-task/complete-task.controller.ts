import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { IncidentCommandResponse } from '../incident-answer';
import { CompleteTaskHandler } from './complete-task.handler';
import { CompleteTaskRequest } from './complete-task.request';

@CommandController('incidents/:id/tasks/:taskId/complete', { tag: 'incidents' })
export class CompleteTaskController {
  constructor(private readonly handler: CompleteTaskHandler) {}

  @CommandPost(undefined, { requires: 'incident.task', status: 200, summary: '完成预案处置任务（可附说明）' })
  complete(
    @Param('id', uuidParam) id: string,
    @Param('taskId') taskId: string,
    @Body() body: CompleteTaskRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    return this.handler.handle(id, taskId, body, context);
  }
}
