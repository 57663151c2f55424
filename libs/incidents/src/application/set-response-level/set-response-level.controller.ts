import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { IncidentCommandResponse } from '../incident-answer';
import { SetResponseLevelHandler } from './set-response-level.handler';
import { SetResponseLevelRequest } from './set-response-level.request';

@CommandController('incidents/:id/response-level', { tag: 'incidents', ifMatch: '客户端所见的事故版本号' })
export class SetResponseLevelController {
  constructor(private readonly handler: SetResponseLevelHandler) {}

  /** Who decided and why are kept with the level (docs/domain.md rule 8); nothing escalates by itself. */
  @CommandPost(undefined, {
    requires: 'incident.respond',
    status: 200,
    summary: '确定或调整响应级别（指挥长），记录决定人和理由',
  })
  set(
    @Param('id', uuidParam) id: string,
    @Body() body: SetResponseLevelRequest,
    @CommandCtx() context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    return this.handler.handle(id, body, context);
  }
}
