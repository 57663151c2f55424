import { Param } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet, uuidParam } from '@app/shared/nest';
import { RecommendationsReader, type Recommendations } from './recommendations.reader';

@QueryController('incidents/:id/recommendations', { tag: 'dispatch' })
export class RecommendationsController {
  constructor(private readonly recommendations: RecommendationsReader) {}

  @QueryGet(undefined, {
    requires: 'incident.read',
    summary: '调派建议：按专长匹配、距离与到达时间排序的队伍，及能满足物资需求的储备库',
  })
  recommend(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<Recommendations> {
    return this.recommendations.recommend(id, actor);
  }
}
