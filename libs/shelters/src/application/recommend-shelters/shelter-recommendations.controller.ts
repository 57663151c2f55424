import { Param } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet, uuidParam } from '@app/shared/nest';
import type { ShelterRecommendationsView } from '../../contract';
import { ShelterRecommendationsReader } from './shelter-recommendations.reader';

@QueryController('incidents', { tag: 'shelters' })
export class ShelterRecommendationsController {
  constructor(private readonly recommendations: ShelterRecommendationsReader) {}

  @QueryGet(':id/shelter-recommendations', {
    requires: 'shelter.read',
    summary: '避难场所推荐：预案任务要求疏散时，按空余容量与距事发地距离排序（满员的排后）',
  })
  recommend(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<ShelterRecommendationsView> {
    return this.recommendations.recommend(id, actor);
  }
}
