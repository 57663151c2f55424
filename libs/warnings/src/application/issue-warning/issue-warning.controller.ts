import { Body } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost } from '@app/shared/nest';
import type { WarningCommandResponse } from '../warning-answer';
import { IssueWarningHandler } from './issue-warning.handler';
import { IssueWarningRequest } from './issue-warning.request';

/**
 * 发布. The warning routes require `warning.issue_drill` (everyone who may issue some warning); a real warning
 * (no drillId) also needs `warning.issue`, which the decider checks against the body or the stored warning.
 */
@CommandController('warnings', { tag: 'warnings' })
export class IssueWarningController {
  constructor(private readonly handler: IssueWarningHandler) {}

  @CommandPost(undefined, { requires: 'warning.issue_drill', status: 201, summary: '发布预警（CAP Alert）' })
  issue(@Body() body: IssueWarningRequest, @CommandCtx() context: CommandContext): Promise<WarningCommandResponse> {
    return this.handler.handle(body, context);
  }
}
