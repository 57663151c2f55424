import { Injectable } from '@nestjs/common';
import { IncidentLookup } from '@app/incidents';
import { PlanRegisterQueries } from '@app/plans';
import { DomainError, type Actor } from '@app/shared';
import type { ExpertRecommendationsView } from '../../contract';
import { EXPERT_SPECIALTY_LABELS, specialtyLabelsOf } from '../../domain/expert/expert.types';
import { neededSpecialties, rankExperts, type PlanGroupWords } from '../../domain/recommend/needed-specialties';
import { ConsultationQueries } from '../../read-models/consultations/consultation.queries';
import { ExpertRegister } from '../../read-models/expert-register/expert-register.queries';

/**
 * Experts for an incident: the specialties its category calls for and those its active plans' working groups name
 * (the groups of the version each activation pinned, their tasks at the activated level), matched against the
 * library the actor reads; experts engaged on another incident still in response come last.
 */
@Injectable()
export class ExpertRecommendationsReader {
  constructor(
    private readonly incidents: IncidentLookup,
    private readonly plans: PlanRegisterQueries,
    private readonly register: ExpertRegister,
    private readonly consultations: ConsultationQueries,
  ) {}

  async recommend(incidentId: string, actor: Actor): Promise<ExpertRecommendationsView> {
    const incident = await this.incidents.find(incidentId, actor.scope);
    const groups: PlanGroupWords[] = [];
    for (const active of incident.activePlans) {
      const version = await this.plans.version(active.planId, String(active.version), actor).catch((error) => {
        // A plan the actor does not read (or a version gone from the register) simply adds nothing.
        if (error instanceof DomainError) return null;
        throw error;
      });
      for (const group of version?.groups ?? []) {
        groups.push({
          planTitle: active.title,
          groupName: group.name,
          taskTitles: group.tasks
            .filter((t) => t.responseLevels.includes(active.level as (typeof t.responseLevels)[number]))
            .map((t) => t.title),
        });
      }
    }
    const needed = neededSpecialties(incident.category, groups);
    const [rows, engagements, invitations] = await Promise.all([
      this.register.rowsIn(this.register.readable(actor)),
      this.register.engagements(),
      this.consultations.ofIncident(incident.id),
    ]);
    // Invited means asked and not refused: an expert who declined may be asked again.
    const invited = new Set(invitations.filter((c) => c.status !== 'declined').map((c) => c.expertId));
    const candidates = rows
      .filter((row) => row.active)
      .map((row) => ({
        row,
        id: row.id,
        name: row.name,
        specialties: row.specialties,
        engaged: [...(engagements.get(row.id) ?? [])].some((id) => id !== incident.id),
        invited: invited.has(row.id),
      }));
    const fromPlan = new Map(needed.filter((n) => n.groups.length > 0).map((n) => [n.specialty, n.groups]));
    return {
      incidentId: incident.id,
      neededSpecialties: needed.map((n) => ({
        specialty: n.specialty,
        label: EXPERT_SPECIALTY_LABELS[n.specialty],
        from: n.from,
      })),
      experts: rankExperts(candidates, needed).map(({ expert, matched }) => {
        const planGroups = [...new Set(matched.flatMap((s) => fromPlan.get(s) ?? []))];
        const reason = [
          `匹配专业：${specialtyLabelsOf(matched).join('、')}`,
          ...(planGroups.length > 0 ? [`预案要求：${planGroups.join('、')}`] : []),
          ...(expert.engaged ? ['正在参加其他事故的会商'] : []),
          ...(expert.invited ? ['已邀请参加本事故会商'] : []),
        ].join('；');
        return {
          expertId: expert.id,
          name: expert.name,
          title: expert.row.title,
          organization: expert.row.organization,
          phone: expert.row.phone,
          matchedSpecialties: matched,
          matchedSpecialtyLabels: specialtyLabelsOf(matched),
          engaged: expert.engaged,
          invited: expert.invited,
          reason,
        };
      }),
    };
  }
}
