import type { IncidentCategory } from '@app/incidents/domain';
import type { Specialty, TeamKind } from '@app/teams/domain';

/**
 * What an incident of each category usually needs before a plan says more (docs/domain.md rule 15 feeds the active plan's
 * requirements in): the specialties to match, and a first call of supplies. Drawn from the municipal work-safety
 * plans (危化品泄漏: 防化、堵漏、洗消; 矿山: 矿山救护; 建筑坍塌: 破拆、生命探测).
 */
export const SPECIALTIES_BY_CATEGORY: Readonly<Record<IncidentCategory, readonly Specialty[]>> = {
  hazardous_chemicals: ['hazardous_chemicals', 'fire', 'environmental_monitoring', 'medical'],
  // 矿山救护队 serve coal and non-coal mines alike; `mining` is the category of incidents filed before the split.
  coal_mine: ['mine_rescue', 'medical'],
  non_coal_mine: ['mine_rescue', 'medical'],
  mining: ['mine_rescue', 'medical'],
  fire: ['fire', 'medical'],
  road_traffic: ['road_clearing', 'medical', 'fire'],
  construction: ['structural_collapse', 'medical'],
  industry_trade: ['fire', 'medical'],
  special_equipment: ['fire', 'structural_collapse', 'medical'],
  gas: ['hazardous_chemicals', 'fire', 'medical'],
  flood_geological: ['flood', 'water_search', 'road_clearing', 'medical'],
  other: ['fire', 'medical'],
};

const MINE_MATERIALS = [
  { materialCode: '2010101', quantity: 10 },
  { materialCode: '2020101', quantity: 4 },
  { materialCode: '2050101', quantity: 10 },
] as const;

export const MATERIALS_BY_CATEGORY: Readonly<
  Record<IncidentCategory, readonly { materialCode: string; quantity: number }[]>
> = {
  hazardous_chemicals: [
    { materialCode: '2010102', quantity: 10 },
    { materialCode: '2040101', quantity: 2 },
    { materialCode: '2040201', quantity: 20 },
  ],
  coal_mine: MINE_MATERIALS,
  non_coal_mine: MINE_MATERIALS,
  mining: MINE_MATERIALS,
  fire: [
    { materialCode: '2010101', quantity: 10 },
    { materialCode: '2080201', quantity: 20 },
  ],
  road_traffic: [
    { materialCode: '2030201', quantity: 2 },
    { materialCode: '2050101', quantity: 5 },
  ],
  construction: [
    { materialCode: '2030101', quantity: 2 },
    { materialCode: '2030201', quantity: 2 },
    { materialCode: '2050101', quantity: 10 },
  ],
  industry_trade: [
    { materialCode: '2010101', quantity: 5 },
    { materialCode: '2050201', quantity: 10 },
  ],
  special_equipment: [
    { materialCode: '2030201', quantity: 1 },
    { materialCode: '2050201', quantity: 5 },
  ],
  gas: [
    { materialCode: '2020102', quantity: 4 },
    { materialCode: '2010101', quantity: 6 },
  ],
  flood_geological: [
    { materialCode: '2030301', quantity: 4 },
    { materialCode: '2010401', quantity: 50 },
    { materialCode: '3010101', quantity: 2000 },
    { materialCode: '1010101', quantity: 50 },
  ],
  other: [{ materialCode: '2050201', quantity: 5 }],
};

/**
 * Average road speed to the scene by team kind (km/h), over the great-circle distance. Fire-rescue teams run with
 * priority; volunteer teams gather first. A planning figure for ranking, not a route time.
 */
export const SPEED_KMH: Readonly<Record<TeamKind, number>> = {
  fire_rescue: 50,
  professional: 45,
  enterprise: 40,
  social: 30,
};
/** Minutes from the call to wheels rolling, added to the driving time. */
export const TURNOUT_MINUTES: Readonly<Record<TeamKind, number>> = {
  fire_rescue: 1,
  professional: 5,
  enterprise: 5,
  social: 15,
};

export interface PlanNeeds {
  title: string;
  requirements: {
    teams: readonly { specialty: string; count: number }[];
    materials: readonly { materialCode: string; quantity: number }[];
  };
}

export interface IncidentNeeds {
  source: 'plan' | 'category';
  specialties: Specialty[];
  /** Teams per specialty the active plans ask for (none when the category default is used). */
  teamCounts: { specialty: Specialty; count: number }[];
  materials: { materialCode: string; quantity: number }[];
}

/**
 * What to recommend for: the active plans' requirements when a plan is active (docs/domain.md rule 15: "an active plan's
 * requirements feed the recommendations"), otherwise the category's usual needs. Two plans asking for the same thing
 * do not add up: the larger figure covers both.
 */
export function needsOf(category: IncidentCategory, activePlans: readonly PlanNeeds[]): IncidentNeeds {
  if (activePlans.length === 0) {
    return {
      source: 'category',
      specialties: [...(SPECIALTIES_BY_CATEGORY[category] ?? [])],
      teamCounts: [],
      materials: [...(MATERIALS_BY_CATEGORY[category] ?? [])],
    };
  }
  const teams = new Map<string, number>();
  const materials = new Map<string, number>();
  for (const plan of activePlans) {
    for (const t of plan.requirements.teams) teams.set(t.specialty, Math.max(teams.get(t.specialty) ?? 0, t.count));
    for (const m of plan.requirements.materials)
      materials.set(m.materialCode, Math.max(materials.get(m.materialCode) ?? 0, m.quantity));
  }
  const teamCounts = [...teams].map(([specialty, count]) => ({ specialty: specialty as Specialty, count }));
  return {
    source: 'plan',
    specialties: teamCounts.map((t) => t.specialty),
    teamCounts,
    materials: [...materials].map(([materialCode, quantity]) => ({ materialCode, quantity })),
  };
}
