import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import { IncidentCommandRunner, type IncidentCommandResponse } from '../shared/incident-command-runner';
import { SetResponseLevelRequest } from './set-response-level.request';

@ApiTags('incidents')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@ApiHeader({ name: 'If-Match', required: false })
@Controller('incidents/:id/response-level')
export class SetResponseLevelController {
  constructor(private readonly runner: IncidentCommandRunner) {}

  /** Who decided and why are kept with the level (docs/domain.md rule 8); nothing escalates by itself. */
  @Post()
  @Requires('incident.respond')
  @HttpCode(200)
  @ApiOperation({ summary: '确定或调整响应级别（指挥长），记录决定人和理由' })
  set(@Param('id', uuidParam) id: string, @Body() body: SetResponseLevelRequest, @CommandCtx() context: CommandContext): Promise<IncidentCommandResponse> {
    return this.runner.run(id, { type: 'SetResponseLevel', level: body.level, reason: body.reason, decidedBy: context.actorName ?? context.actorId, now: this.runner.now() }, context);
  }
}
