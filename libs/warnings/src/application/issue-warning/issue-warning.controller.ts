import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires } from '@app/shared/nest';
import type { WarningCommandResponse } from '../warning-answer';
import { IssueWarningHandler } from './issue-warning.handler';
import { IssueWarningRequest } from './issue-warning.request';

/**
 * 发布. The warning routes require `warning.issue_drill` (everyone who may issue some warning); a real warning
 * (no drillId) also needs `warning.issue`, which the decider checks against the body or the stored warning.
 */
@ApiTags('warnings')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('warnings')
export class IssueWarningController {
  constructor(private readonly handler: IssueWarningHandler) {}

  @Post()
  @Requires('warning.issue_drill')
  @HttpCode(201)
  @ApiOperation({ summary: '发布预警（CAP Alert）' })
  issue(@Body() body: IssueWarningRequest, @CommandCtx() context: CommandContext): Promise<WarningCommandResponse> {
    return this.handler.handle(body, context);
  }
}
