import { Body, Param } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { CommandController, CommandCtx, CommandPut, CurrentActor } from '@app/shared/nest';
import { jurisdictionParam, yearParam } from '../target-params';
import { SetTargetsHandler, type TargetDocumentResponse } from './set-targets.handler';
import { SetTargetsRequest } from './set-targets.request';

@CommandController('targets', { tag: 'targets', ifMatch: '客户端所见的考核目标版本号（revision）' })
export class SetTargetsController {
  constructor(private readonly handler: SetTargetsHandler) {}

  @CommandPut(':jurisdiction/:year', {
    requires: 'target.set',
    status: 200,
    summary: '下达或调整辖区年度考核目标（上限、较基准年下降、比率目标及分母数据）',
  })
  set(
    @Param('jurisdiction', jurisdictionParam) jurisdiction: string,
    @Param('year', yearParam) year: number,
    @Body() body: SetTargetsRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<TargetDocumentResponse> {
    return this.handler.handle(jurisdiction, year, body, context, actor);
  }
}
