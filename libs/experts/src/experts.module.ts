import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IncidentLookup } from '@app/incidents';
import { PlanRegisterQueries } from '@app/plans';
import type { ActorDirectory, JurisdictionRegistry } from '@app/shared';
import { AnswerConsultationController } from './application/answer-consultation/answer-consultation.controller';
import { AnswerConsultationHandler } from './application/answer-consultation/answer-consultation.handler';
import { ExpertAnswer } from './application/expert-answer';
import { ExpertKeeper } from './application/expert-keeper';
import { InviteExpertController } from './application/invite-expert/invite-expert.controller';
import { InviteExpertHandler } from './application/invite-expert/invite-expert.handler';
import { ConsultationQueriesController } from './application/query-consultations/consultation-queries.controller';
import { IncidentConsultations } from './application/query-consultations/incident-consultations';
import { ExpertQueriesController } from './application/query-experts/expert-queries.controller';
import { ExpertRecommendationsReader } from './application/recommend-experts/expert-recommendations.reader';
import { RegisterExpertController } from './application/register-expert/register-expert.controller';
import { RegisterExpertHandler } from './application/register-expert/register-expert.handler';
import { UpdateExpertController } from './application/update-expert/update-expert.controller';
import { UpdateExpertHandler } from './application/update-expert/update-expert.handler';
import { WithdrawExpertController } from './application/withdraw-expert/withdraw-expert.controller';
import { WithdrawExpertHandler } from './application/withdraw-expert/withdraw-expert.handler';
import { ConsultationRow } from './read-models/consultations/consultation.entity';
import { ConsultationProjection } from './read-models/consultations/consultation.projection';
import { ConsultationQueries } from './read-models/consultations/consultation.queries';
import { ExpertRegisterRow } from './read-models/expert-register/expert-register.entity';
import { ExpertRegisterProjection } from './read-models/expert-register/expert-register.projection';
import { ExpertRegister } from './read-models/expert-register/expert-register.queries';

/** The read-model tables this context owns. */
export const expertEntities: (new () => object)[] = [ExpertRegisterRow, ConsultationRow];

/**
 * 专家库与会商: the expert library by specialty, invitations to an incident for consultation (会商) and their answers on the
 * timeline, recommendations by the incident and its plans (docs/experts.md).
 */
@Module({
  imports: [TypeOrmModule.forFeature(expertEntities), CqrsModule],
  controllers: [
    RegisterExpertController,
    UpdateExpertController,
    WithdrawExpertController,
    ExpertQueriesController,
    InviteExpertController,
    AnswerConsultationController,
    ConsultationQueriesController,
  ],
  providers: [
    IncidentLookup,
    PlanRegisterQueries,
    ExpertRegister,
    ConsultationQueries,
    ExpertAnswer,
    ExpertKeeper,
    RegisterExpertHandler,
    UpdateExpertHandler,
    WithdrawExpertHandler,
    InviteExpertHandler,
    AnswerConsultationHandler,
    IncidentConsultations,
    ExpertRecommendationsReader,
  ],
  exports: [ExpertRegister, ConsultationQueries],
})
export class ExpertsModule {}

export function expertProjections(_jurisdictions: JurisdictionRegistry, actors?: ActorDirectory) {
  return [new ExpertRegisterProjection(), new ConsultationProjection(actors)];
}
