import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import type { IncidentCommandResponse } from '../incident-answer';
import { CompleteTaskHandler } from './complete-task.handler';
import { CompleteTaskRequest } from './complete-task.request';

@ApiTags('incidents')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('incidents/:id/tasks/:taskId/complete')
export class CompleteTaskController {
  constructor(private readonly handler: CompleteTaskHandler) {}

  @Post()
  @Requires('incident.task')
  @HttpCode(200)
  @ApiOperation({ summary: '完成预案处置任务（可附说明）' })
  complete(
    @Param('id', uuidParam) id: string,
    @Param('taskId') taskId: string,
    @Body() body: CompleteTaskRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    return this.handler.handle(id, taskId, body, context);
  }
}
