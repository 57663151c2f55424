import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandCtx, CommandPost, CurrentActor, uuidParam } from '@app/shared/nest';
import type { DrillEvaluation } from '../query-evaluation/drill-evaluation.reader';
import { RecordFindingHandler } from './record-finding.handler';
import { FindingRequest } from './record-finding.request';

@ApiTags('drills')
@Controller('drills/:id/evaluation')
export class RecordFindingController {
  constructor(private readonly handler: RecordFindingHandler) {}

  @CommandPost('findings', {
    requires: 'evaluation.score',
    status: 201,
    location: (_, params) => `/drills/${params['id']}/evaluation`,
    summary: '记录评估发现的问题；指定预案时记入该预案，下一版修订时一并处理',
  })
  findings(
    @Param('id', uuidParam) id: string,
    @Body() body: FindingRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<DrillEvaluation> {
    return this.handler.handle(id, body, context, actor);
  }
}
