import { Param, Query } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet } from '@app/shared/nest';
import type { TargetDocumentView, TargetsProgressView } from '../../contract';
import { TargetDocuments } from '../../read-models/target-documents/target-documents.queries';
import { jurisdictionParam, yearParam } from '../target-params';
import { TargetsProgress } from './targets-progress';
import { TargetsProgressRequest } from './targets-progress.request';

@QueryController('targets', { tag: 'targets' })
export class TargetDocumentQueriesController {
  constructor(private readonly documents: TargetDocuments) {}

  @QueryGet(':jurisdiction/:year', {
    requires: 'statistics.read',
    summary: '辖区年度考核目标，及下级辖区分解情况（下级目标之和与本级目标对照）',
  })
  document(
    @Param('jurisdiction', jurisdictionParam) jurisdiction: string,
    @Param('year', yearParam) year: number,
    @CurrentActor() actor: Actor,
  ): Promise<TargetDocumentView> {
    return this.documents.view(jurisdiction, year, actor);
  }
}

@QueryController('statistics/targets', { tag: 'statistics' })
export class TargetsProgressController {
  constructor(private readonly progress: TargetsProgress) {}

  @QueryGet(undefined, {
    requires: 'statistics.read',
    summary: '考核目标完成情况：各目标的当年实际值、控制值、与基准年对比和逐月累计趋势（不含演练）',
  })
  targets(@Query() query: TargetsProgressRequest, @CurrentActor() actor: Actor): Promise<TargetsProgressView> {
    return this.progress.progress(query, actor);
  }
}
