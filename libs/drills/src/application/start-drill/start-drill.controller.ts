import { Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { DrillCommandResponse } from '../drill-answer';
import { StartDrillHandler } from './start-drill.handler';

@CommandController('drills/:id', { tag: 'drills' })
export class StartDrillController {
  constructor(private readonly handler: StartDrillHandler) {}

  @CommandPost('start', { requires: 'drill.run', status: 200, summary: '开始演练：脚本注入按开始后的时间自动执行' })
  start(@Param('id', uuidParam) id: string, @CommandCtx() context: CommandContext): Promise<DrillCommandResponse> {
    return this.handler.handle(id, context);
  }
}
