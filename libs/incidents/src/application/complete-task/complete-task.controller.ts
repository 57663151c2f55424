import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import { TaskNotFoundError } from '../../domain/incident.errors';
import { IncidentCommandRunner, type IncidentCommandResponse } from '../shared/incident-command-runner';

export class CompleteTaskRequest {
  @ApiPropertyOptional({ example: '已划定 500 米警戒区，疏散群众 120 人' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(2000)
  note?: string;
}

/** Task ids are `<plan>-v<version>-g<group>-t<task>` (see checklistTaskId); anything else names no task. */
const TASK_ID = /^[0-9a-f]{8}-v\d{1,6}-g\d{1,3}-t\d{1,4}$/;

@ApiTags('incidents')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('incidents/:id/tasks/:taskId/complete')
export class CompleteTaskController {
  constructor(private readonly runner: IncidentCommandRunner) {}

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
    if (!TASK_ID.test(taskId)) throw new TaskNotFoundError(taskId.slice(0, 80));
    return this.runner.run(id, { type: 'CompleteChecklistTask', taskId, ...(body.note !== undefined ? { note: body.note } : {}), completedBy: context.actorName ?? context.actorId, now: this.runner.now() }, context);
  }
}
