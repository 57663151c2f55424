import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandAnswer, CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandCtx, CurrentActor, Requires } from '@app/shared/nest';
import type { RollCallView } from '../../read-models/duty.views';
import { IssueRollCallHandler } from './issue-roll-call.handler';
import { IssueRollCallRequest } from './issue-roll-call.request';

@ApiTags('duty')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('duty/roll-calls')
export class IssueRollCallController {
  constructor(private readonly handler: IssueRollCallHandler) {}

  @Post()
  @Requires('duty.rollcall')
  @HttpCode(201)
  @ApiOperation({ summary: '点名：要求下级辖区值班人员在时限内应答' })
  issue(@Body() body: IssueRollCallRequest, @CommandCtx() context: CommandContext, @CurrentActor() actor: Actor): Promise<RollCallView & Omit<CommandAnswer, 'id'>> {
    return this.handler.handle(body, context, actor);
  }
}
