import { Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import { CommandController, CommandCtx, CommandPost, uuidParam } from '@app/shared/nest';
import type { DrillCommandResponse } from '../drill-answer';
import { EndDrillHandler } from './end-drill.handler';

@CommandController('drills/:id', { tag: 'drills' })
export class EndDrillController {
  constructor(private readonly handler: EndDrillHandler) {}

  @CommandPost('end', { requires: 'drill.run', status: 200, summary: '结束演练：其后不再执行任何注入' })
  end(@Param('id', uuidParam) id: string, @CommandCtx() context: CommandContext): Promise<DrillCommandResponse> {
    return this.handler.handle(id, context);
  }
}
