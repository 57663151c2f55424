import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { ShelterCommandResponse } from '../shelter-answer';
import { RecordOccupancyHandler } from './record-occupancy.handler';
import { RecordOccupancyRequest } from './record-occupancy.request';

@CommandController('shelters', { tag: 'shelters', ifMatch: '客户端所见的避难场所版本号' })
export class RecordOccupancyController {
  constructor(private readonly handler: RecordOccupancyHandler) {}

  @CommandPost(':id/occupancy', {
    requires: 'shelter.occupancy',
    status: 200,
    summary: '登记避难场所当前安置人数（不得超过容纳人数；演练事故不改变实际安置人数）',
  })
  record(
    @Param('id', uuidParam) id: string,
    @Body() body: RecordOccupancyRequest,
    @CurrentActor() actor: Actor,
    @CommandCtx() context: CommandContext,
  ): Promise<ShelterCommandResponse> {
    return this.handler.handle(id, body, actor, context);
  }
}
