import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { DrillEvaluation } from '../query-evaluation/drill-evaluation.reader';
import { RecordScoresHandler } from './record-scores.handler';
import { ScoresRequest } from './record-scores.request';

@ApiTags('drills')
@Controller('drills/:id/evaluation')
export class RecordScoresController {
  constructor(private readonly handler: RecordScoresHandler) {}

  @CommandPost('scores', {
    requires: 'evaluation.score',
    status: 201,
    location: (_, params) => `/drills/${params['id']}/evaluation`,
    summary: '评估人评分（同一评估人再次提交则以新评分为准）',
  })
  scores(
    @Param('id', uuidParam) id: string,
    @Body() body: ScoresRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<DrillEvaluation> {
    return this.handler.handle(id, body, context, actor);
  }
}
