import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandAnswer, CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandCtx, CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import type { RollCallView } from '../../read-models/duty.views';
import { AcknowledgeRollCallHandler } from './acknowledge-roll-call.handler';
import { AcknowledgeRollCallRequest } from './acknowledge-roll-call.request';

@ApiTags('duty')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('duty/roll-calls')
export class AcknowledgeRollCallController {
  constructor(private readonly handler: AcknowledgeRollCallHandler) {}

  @Post(':id/acknowledge')
  @Requires('duty.acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: '点名应答（须在应答时限内）' })
  acknowledge(
    @Param('id', uuidParam) id: string,
    @Body() body: AcknowledgeRollCallRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<RollCallView & Omit<CommandAnswer, 'id'>> {
    return this.handler.handle(id, body, context, actor);
  }
}
