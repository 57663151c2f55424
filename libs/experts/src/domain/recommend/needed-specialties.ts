import type { ExpertSpecialty } from '../../contract';

/**
 * The specialties an incident's category calls for (docs/experts.md). Keyed by the category's code as a string: the
 * older `mining` category does not tell coal from non-coal mines, so it calls for both; `coal_mine` and
 * `non_coal_mine` each for their own. A category not listed calls for none (the plans may still ask).
 */
export const SPECIALTIES_BY_INCIDENT_CATEGORY: Readonly<Record<string, readonly ExpertSpecialty[]>> = {
  hazardous_chemicals: ['hazardous_chemicals', 'fire', 'environment'],
  mining: ['coal_mine', 'non_coal_mine'],
  coal_mine: ['coal_mine'],
  non_coal_mine: ['non_coal_mine', 'geology'],
  fire: ['fire', 'structural'],
  road_traffic: ['road_traffic'],
  construction: ['construction', 'structural'],
  industry_trade: ['industry_trade', 'metallurgy'],
  special_equipment: ['special_equipment'],
  gas: ['gas', 'fire'],
  fireworks: ['fireworks', 'fire'],
  metallurgy: ['metallurgy', 'industry_trade'],
  flood_geological: ['flood', 'geology'],
  other: [],
};

/**
 * Words of a plan's working group (its name and its tasks at the activated level) that call for a specialty. Plans
 * are written by people, so this reads their words rather than a code: 医疗救治组 calls for 医疗救护, 环境监测组 for
 * 环境监测, a task "组织煤矿救护队…" for 煤矿.
 */
export const PLAN_WORDS: readonly { specialty: ExpertSpecialty; words: readonly string[] }[] = [
  { specialty: 'hazardous_chemicals', words: ['危化', '危险化学品', '化工', '泄漏', '堵漏'] },
  { specialty: 'non_coal_mine', words: ['非煤', '尾矿', '露天矿', '金属矿'] },
  { specialty: 'coal_mine', words: ['煤矿', '瓦斯', '井下'] },
  // Not 救护: 矿山救护队 are mine-rescue teams, not medical ones.
  { specialty: 'medical', words: ['医疗', '救治', '卫生', '医学'] },
  { specialty: 'environment', words: ['环境', '监测', '洗消'] },
  { specialty: 'fire', words: ['消防', '灭火', '火灾'] },
  { specialty: 'structural', words: ['坍塌', '结构', '房屋安全'] },
  { specialty: 'geology', words: ['地质', '滑坡', '泥石流'] },
  { specialty: 'flood', words: ['防汛', '洪水', '内涝', '抗旱'] },
  { specialty: 'gas', words: ['燃气', '天然气'] },
  { specialty: 'power', words: ['电力', '供电', '抢修电'] },
  { specialty: 'road_traffic', words: ['交通管制', '道路', '交通事故'] },
  { specialty: 'special_equipment', words: ['特种设备', '锅炉', '压力容器', '起重'] },
  { specialty: 'fireworks', words: ['烟花', '爆竹'] },
  { specialty: 'metallurgy', words: ['冶金', '熔融'] },
];

/** A working group of an active plan as the recommendation reads it: its name and its tasks at the activated level. */
export interface PlanGroupWords {
  planTitle: string;
  groupName: string;
  taskTitles: string[];
}

export interface NeededSpecialty {
  specialty: ExpertSpecialty;
  from: 'category' | 'plan';
  /** For `plan`: the groups that call for it (`预案名·组名`). */
  groups: string[];
}

/** The category's specialties first, then those only the plans' groups call for, each once. */
export function neededSpecialties(category: string, groups: readonly PlanGroupWords[]): NeededSpecialty[] {
  const needed: NeededSpecialty[] = (SPECIALTIES_BY_INCIDENT_CATEGORY[category] ?? []).map((specialty) => ({
    specialty,
    from: 'category',
    groups: [],
  }));
  for (const group of groups) {
    // "非煤矿山" contains "煤矿": a text naming 非煤 is not read as a coal mine.
    const text = [group.groupName, ...group.taskTitles].join('；');
    for (const { specialty, words } of PLAN_WORDS) {
      const hit = words.some((w) => text.includes(w));
      const coalOnlyThroughNonCoal = specialty === 'coal_mine' && !/(?<!非)煤矿|瓦斯|井下/.test(text);
      if (!hit || coalOnlyThroughNonCoal) continue;
      const label = `${group.planTitle}·${group.groupName}`;
      const existing = needed.find((n) => n.specialty === specialty);
      if (!existing) needed.push({ specialty, from: 'plan', groups: [label] });
      else if (!existing.groups.includes(label)) existing.groups.push(label);
    }
  }
  return needed;
}

export interface CandidateExpert {
  id: string;
  name: string;
  specialties: readonly ExpertSpecialty[];
  /** Accepted on another incident still in response. */
  engaged: boolean;
  /** Already invited to this incident (in any state). */
  invited: boolean;
}

export interface RankedExpert<E extends CandidateExpert> {
  expert: E;
  matched: ExpertSpecialty[];
}

/**
 * Experts who have at least one needed specialty: those free before those engaged elsewhere, then more matched
 * specialties first, then a match on what the category calls for before a match on a plan's word alone, then by name.
 */
export function rankExperts<E extends CandidateExpert>(
  experts: readonly E[],
  needed: readonly NeededSpecialty[],
): RankedExpert<E>[] {
  const order = needed.map((n) => n.specialty);
  const fromCategory = new Set(needed.filter((n) => n.from === 'category').map((n) => n.specialty));
  return experts
    .map((expert) => ({
      expert,
      matched: order.filter((s) => expert.specialties.includes(s)),
    }))
    .filter((r) => r.matched.length > 0)
    .sort(
      (a, b) =>
        Number(a.expert.engaged) - Number(b.expert.engaged) ||
        b.matched.length - a.matched.length ||
        Number(b.matched.some((s) => fromCategory.has(s))) - Number(a.matched.some((s) => fromCategory.has(s))) ||
        a.expert.name.localeCompare(b.expert.name, 'zh-CN') ||
        a.expert.id.localeCompare(b.expert.id),
    );
}
