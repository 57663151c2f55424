import type { Specialty } from '@app/teams/domain';
import type { IncidentNeeds } from './incident-needs';

/** A team already working the incident, by the specialties it brings. */
export interface CommittedTeam {
  specialties: readonly string[];
}

/** Supplies already on their way to the incident (an allocation not cancelled). */
export interface CommittedAllocation {
  items: readonly { materialCode: string; quantity: number }[];
}

export interface TeamNeed {
  specialty: Specialty;
  count: number;
  assigned: number;
  remaining: number;
}

export interface MaterialNeed {
  materialCode: string;
  needed: number;
  allocated: number;
  remaining: number;
}

export interface OutstandingNeeds {
  /** Every needed specialty, those still short first (in the order the needs gave them within each group). */
  teams: TeamNeed[];
  materials: MaterialNeed[];
  /** Specialties still short of teams: what ranks a candidate team. */
  unmetSpecialties: Specialty[];
  /** Specialties whose count is already met by the teams working the incident. */
  metSpecialties: Specialty[];
  /** What is still to allocate, per material (only the lines with something left). */
  remainingMaterials: { materialCode: string; quantity: number }[];
}

/**
 * What the incident still lacks once what is already working on it is taken off: teams committed to it count
 * towards each specialty they bring, and allocations not cancelled towards their materials (reserved, shipped or
 * delivered supplies are all on the incident's account). Without plan figures the category asks for one team of each
 * specialty. Recommending from this keeps a met need from drawing a second team or a second allocation.
 */
export function outstandingNeeds(
  needs: IncidentNeeds,
  committedTeams: readonly CommittedTeam[],
  allocations: readonly CommittedAllocation[],
): OutstandingNeeds {
  const counts =
    needs.teamCounts.length > 0 ? needs.teamCounts : needs.specialties.map((specialty) => ({ specialty, count: 1 }));
  const teams = counts.map(({ specialty, count }) => {
    const assigned = committedTeams.filter((t) => t.specialties.includes(specialty)).length;
    return { specialty, count, assigned, remaining: Math.max(0, count - assigned) };
  });
  const ordered = [...teams.filter((t) => t.remaining > 0), ...teams.filter((t) => t.remaining === 0)];
  const allocated = new Map<string, number>();
  for (const allocation of allocations)
    for (const item of allocation.items)
      allocated.set(item.materialCode, (allocated.get(item.materialCode) ?? 0) + item.quantity);
  const materials = needs.materials.map(({ materialCode, quantity }) => {
    const already = allocated.get(materialCode) ?? 0;
    return { materialCode, needed: quantity, allocated: already, remaining: Math.max(0, quantity - already) };
  });
  return {
    teams: ordered,
    materials,
    unmetSpecialties: ordered.filter((t) => t.remaining > 0).map((t) => t.specialty),
    metSpecialties: ordered.filter((t) => t.remaining === 0).map((t) => t.specialty),
    remainingMaterials: materials
      .filter((m) => m.remaining > 0)
      .map((m) => ({ materialCode: m.materialCode, quantity: m.remaining })),
  };
}
