import { Inject, Injectable, Optional } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { IncidentLookup } from '@app/incidents';
import { DRILL_PARTICIPATION, drillActorOf, NO_DRILLS, type Actor, type DrillParticipation } from '@app/shared';
import { consultationIdOf } from '../consultation-id';
import { consultationAggregate } from '../expert.aggregate';
import { ExpertAnswer, type ConsultationCommandResponse } from '../expert-answer';
import type { AnswerConsultationRequest } from './answer-consultation.request';

/** 接受 or 谢绝 of a pending invitation, on an incident the actor sees and whose response goes on. */
@Injectable()
export class AnswerConsultationHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly incidents: IncidentLookup,
    private readonly answer: ExpertAnswer,
    @Optional() @Inject(DRILL_PARTICIPATION) private readonly drills: DrillParticipation = NO_DRILLS,
  ) {}

  async handle(
    incidentId: string,
    expertId: string,
    answer: 'accept' | 'decline',
    body: AnswerConsultationRequest,
    actor: Actor,
    context: CommandContext,
  ): Promise<ConsultationCommandResponse> {
    const incident = await this.incidents.find(incidentId, actor.scope);
    // A drill incident's consultation is drill data: written only by the drill's participants while it runs
    // (docs/security.md), so nothing is appended once the drill has ended.
    if (incident.drillId && !context.keyApplied) {
      await this.drills.assertMayWrite({
        drillId: incident.drillId,
        jurisdiction: incident.jurisdiction,
        actor: drillActorOf(context),
      });
    }
    const executed = await this.executor.execute(
      consultationAggregate,
      consultationIdOf(incident.id, expertId),
      {
        type: 'AnswerConsultation',
        answer,
        note: body.note?.trim() || null,
        incidentOpen: incident.status === 'open',
        now: this.executor.now(),
      },
      {
        ...context,
        jurisdiction: incident.jurisdiction,
        ...(incident.drillId ? { drillId: incident.drillId } : {}),
      },
    );
    return this.answer.consultation(executed);
  }
}
