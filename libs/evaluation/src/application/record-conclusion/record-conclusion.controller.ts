import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { DrillEvaluationView } from '../../contract';
import { RecordConclusionHandler } from './record-conclusion.handler';
import { ConclusionRequest } from './record-conclusion.request';

@ApiTags('drills')
@Controller('drills/:id/evaluation')
export class RecordConclusionController {
  constructor(private readonly handler: RecordConclusionHandler) {}

  @CommandPost('conclusion', {
    requires: 'evaluation.score',
    status: 201,
    location: (_, params) => `/drills/${params['id']}/evaluation`,
    summary: '记录评估组意见（演练结束后；以最新一次为准，与按得分评定的结论一并印入报告）',
  })
  conclusion(
    @Param('id', uuidParam) id: string,
    @Body() body: ConclusionRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<DrillEvaluationView> {
    return this.handler.handle(id, body, context, actor);
  }
}
