import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { DrillEvaluation } from '../query-evaluation/drill-evaluation.reader';
import { SetRubricHandler } from './set-rubric.handler';
import { RubricRequest } from './set-rubric.request';

@ApiTags('drills')
@Controller('drills/:id/evaluation')
export class SetRubricController {
  constructor(private readonly handler: SetRubricHandler) {}

  @CommandPost('rubric', { requires: 'evaluation.score', status: 200, summary: '设置本次演练的评估指标（首次评分前）' })
  rubric(
    @Param('id', uuidParam) id: string,
    @Body() body: RubricRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<DrillEvaluation> {
    return this.handler.handle(id, body, context, actor);
  }
}
