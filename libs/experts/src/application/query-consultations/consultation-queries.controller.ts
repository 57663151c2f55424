import { Param } from '@nestjs/common';
import type { Actor } from '@app/shared';
import { CurrentActor, QueryController, QueryGet, uuidParam, Paged, type ListPaging } from '@app/shared/nest';
import type { ConsultationView, ExpertRecommendationsView } from '../../contract';
import { ExpertRecommendationsReader } from '../recommend-experts/expert-recommendations.reader';
import { IncidentConsultations } from './incident-consultations';

/** How the list pages (docs/api.md, "Paging every list"). */
const CONSULTATION_PAGING: ListPaging<ConsultationView> = {
  list: 'consultations/1',
  order: 'invited-desc',
  kinds: ['bigint', 'text', 'uuid'],
  keys: (c) => [String(-Date.parse(c.invitedAt)), c.expertName, c.expertId],
  defaultLimit: 100,
  maxLimit: 100,
};

@QueryController('incidents', { tag: 'experts' })
export class ConsultationQueriesController {
  constructor(
    private readonly consultations: IncidentConsultations,
    private readonly recommendations: ExpertRecommendationsReader,
  ) {}

  @Paged(CONSULTATION_PAGING)
  @QueryGet(':id/experts', { requires: 'expert.read', summary: '事故的专家会商：邀请、接受与谢绝' })
  list(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<ConsultationView[]> {
    return this.consultations.of(id, actor);
  }

  @QueryGet(':id/expert-recommendations', {
    requires: 'expert.read',
    summary: '专家推荐：按事故类别与启动预案的工作组所需专业匹配，已在其他事故会商的专家排后',
  })
  recommend(@Param('id', uuidParam) id: string, @CurrentActor() actor: Actor): Promise<ExpertRecommendationsView> {
    return this.recommendations.recommend(id, actor);
  }
}
