import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandCtx, CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import type { DrillEvaluation } from '../query-evaluation/drill-evaluation.reader';
import { RecordScoresHandler } from './record-scores.handler';
import { ScoresRequest } from './record-scores.request';

@ApiTags('drills')
@Controller('drills/:id/evaluation')
export class RecordScoresController {
  constructor(private readonly handler: RecordScoresHandler) {}

  @Post('scores')
  @Requires('evaluation.score')
  @HttpCode(201)
  @ApiOperation({ summary: '评估人评分（同一评估人再次提交则以新评分为准）' })
  scores(
    @Param('id', uuidParam) id: string, @Body() body: ScoresRequest, @CommandCtx() context: CommandContext, @CurrentActor() actor: Actor,
  ): Promise<DrillEvaluation> {
    return this.handler.handle(id, body, context, actor);
  }
}
