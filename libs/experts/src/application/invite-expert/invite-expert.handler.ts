import { Inject, Injectable, Optional } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { IncidentLookup } from '@app/incidents';
import { DRILL_PARTICIPATION, drillActorOf, NO_DRILLS, type Actor, type DrillParticipation } from '@app/shared';
import { ExpertNotFoundError } from '../../domain/expert/expert.errors';
import { specialtyLabelsOf } from '../../domain/expert/expert.types';
import { ExpertRegister } from '../../read-models/expert-register/expert-register.queries';
import { consultationIdOf } from '../consultation-id';
import { consultationAggregate } from '../expert.aggregate';
import { ExpertAnswer, type ConsultationCommandResponse } from '../expert-answer';
import type { InviteExpertRequest } from './invite-expert.request';

/**
 * 邀请专家会商: on an incident the actor sees (404 otherwise) whose response goes on, of an expert the actor reads in
 * the library (its own jurisdictions and those above). A drill incident's consultation is marked with the drill and
 * never counts as engaging the expert.
 */
@Injectable()
export class InviteExpertHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly incidents: IncidentLookup,
    private readonly register: ExpertRegister,
    private readonly answer: ExpertAnswer,
    @Optional() @Inject(DRILL_PARTICIPATION) private readonly drills: DrillParticipation = NO_DRILLS,
  ) {}

  async handle(
    incidentId: string,
    body: InviteExpertRequest,
    actor: Actor,
    context: CommandContext,
  ): Promise<ConsultationCommandResponse> {
    const incident = await this.incidents.find(incidentId, actor.scope);
    const expert = await this.register.row(body.expertId);
    if (!expert || !this.register.readable(actor).includes(expert.jurisdiction)) throw new ExpertNotFoundError();
    // A drill incident's consultation is drill data: written only by the drill's participants while it runs
    // (docs/security.md), so nothing is appended once the drill has ended.
    if (incident.drillId && !context.keyApplied) {
      await this.drills.assertMayWrite({
        drillId: incident.drillId,
        jurisdiction: incident.jurisdiction,
        actor: drillActorOf(context),
      });
    }
    const consultationId = consultationIdOf(incident.id, expert.id);
    const executed = await this.executor.execute(
      consultationAggregate,
      consultationId,
      {
        type: 'InviteExpert',
        consultationId,
        incidentId: incident.id,
        incidentJurisdiction: incident.jurisdiction,
        incidentOpen: incident.status === 'open',
        drillId: incident.drillId,
        expert: {
          expertId: expert.id,
          name: expert.name,
          specialtyLabels: specialtyLabelsOf(expert.specialties),
          active: expert.active,
        },
        mode: body.mode ?? 'remote',
        topic: body.topic,
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
