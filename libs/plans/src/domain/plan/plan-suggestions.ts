import {
  GRADE_LABELS,
  gradeRank,
  RESPONSE_LEVELS,
  type AccidentGrade,
  type Casualties,
  categoryCoveredBy,
  type IncidentCategory,
  type ResponseLevel,
} from '@app/incidents/domain';
import type { ActivationCriterion, PlanContent } from './plan.types';

/** What the criteria look at: the incident as it stands now. */
export interface IncidentFacts {
  category: IncidentCategory;
  grade: AccidentGrade;
  casualties: Casualties;
  directLossYuan: number | null;
  /** The incident's jurisdiction and every one above it: a city plan applies in its counties. */
  jurisdictionLineage: readonly string[];
}

export interface PlanInForce {
  planId: string;
  version: number;
  content: PlanContent;
}

export interface PlanSuggestion {
  planId: string;
  version: number;
  title: string;
  level: ResponseLevel;
  reasons: string[];
}

/**
 * Whether a plan covers an incident: issued by its jurisdiction or one above, and written for its category. A
 * comprehensive plan with no categories listed covers every category (综合预案 is the umbrella).
 */
export function notApplicableBecause(
  plan: PlanContent,
  incident: Pick<IncidentFacts, 'category' | 'jurisdictionLineage'>,
): string | null {
  if (!incident.jurisdictionLineage.includes(plan.jurisdiction)) return '预案不适用于该事故所在辖区';
  const coversAll = plan.kind === 'comprehensive' && plan.categories.length === 0;
  if (!coversAll && !categoryCoveredBy(plan.categories, incident.category)) return '预案不适用于该类事故';
  return null;
}

/** The highest level whose criteria the incident meets, with the reasons; null when none is met. */
export function levelMet(
  criteria: readonly ActivationCriterion[],
  incident: IncidentFacts,
): { level: ResponseLevel; reasons: string[] } | null {
  for (const level of RESPONSE_LEVELS) {
    for (const criterion of criteria.filter((c) => c.level === level)) {
      const reasons = reasonsMet(criterion, incident);
      if (reasons.length > 0) return { level, reasons };
    }
  }
  return null;
}

/** Every published plan that covers the incident and whose criteria it meets, highest level first. */
export function suggestPlans(incident: IncidentFacts, plans: readonly PlanInForce[]): PlanSuggestion[] {
  return plans
    .flatMap((plan) => {
      if (notApplicableBecause(plan.content, incident)) return [];
      const met = levelMet(plan.content.activation.levels, incident);
      return met
        ? [
            {
              planId: plan.planId,
              version: plan.version,
              title: plan.content.title,
              level: met.level,
              reasons: met.reasons,
            },
          ]
        : [];
    })
    .sort(
      (a, b) => RESPONSE_LEVELS.indexOf(a.level) - RESPONSE_LEVELS.indexOf(b.level) || a.planId.localeCompare(b.planId),
    );
}

/** "符合下列条件之一": each threshold reached is a reason; any one is enough. */
function reasonsMet(c: ActivationCriterion, i: IncidentFacts): string[] {
  const reasons: string[] = [];
  if (c.minGrade !== undefined && gradeRank(i.grade) >= gradeRank(c.minGrade))
    reasons.push(`事故等级为${GRADE_LABELS[i.grade]}（达到${GRADE_LABELS[c.minGrade]}）`);
  if (c.minDeaths !== undefined && i.casualties.deaths >= c.minDeaths)
    reasons.push(`死亡 ${i.casualties.deaths} 人（≥ ${c.minDeaths}）`);
  if (c.minMissing !== undefined && i.casualties.missing >= c.minMissing)
    reasons.push(`失踪 ${i.casualties.missing} 人（≥ ${c.minMissing}）`);
  if (c.minSeriousInjuries !== undefined && i.casualties.seriousInjuries >= c.minSeriousInjuries)
    reasons.push(`重伤 ${i.casualties.seriousInjuries} 人（≥ ${c.minSeriousInjuries}）`);
  if (c.minTrapped !== undefined && i.casualties.trapped >= c.minTrapped)
    reasons.push(`被困 ${i.casualties.trapped} 人（≥ ${c.minTrapped}）`);
  if (c.minDirectLossYuan !== undefined && (i.directLossYuan ?? 0) >= c.minDirectLossYuan)
    reasons.push(`直接经济损失 ${i.directLossYuan} 元（≥ ${c.minDirectLossYuan}）`);
  return reasons;
}
