import { Body } from '@nestjs/common';
import type { CommandAnswer, CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor } from '@app/shared/nest';
import type { RollCallView } from '../../read-models/duty.views';
import { IssueRollCallHandler } from './issue-roll-call.handler';
import { IssueRollCallRequest } from './issue-roll-call.request';

@CommandController('duty/roll-calls', { tag: 'duty' })
export class IssueRollCallController {
  constructor(private readonly handler: IssueRollCallHandler) {}

  @CommandPost(undefined, {
    requires: 'duty.rollcall',
    status: 201,
    location: () => '/duty/roll-calls',
    summary: '点名：要求下级辖区值班人员在时限内应答',
  })
  issue(
    @Body() body: IssueRollCallRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<RollCallView & Omit<CommandAnswer, 'id'>> {
    return this.handler.handle(body, context, actor);
  }
}
