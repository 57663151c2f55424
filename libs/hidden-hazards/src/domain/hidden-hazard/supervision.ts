import type { SupervisionLevel } from '../../contract';
import { supervisionLevelOf, type JurisdictionStep } from './hidden-hazard.types';

/**
 * The supervising government for a level: on the hazard's line of jurisdictions (its own, then each one above), the
 * nearest that acts at that level. Null when the line has none (a 园区 has no county above it; the tree may stop at
 * the city, with no province).
 */
export function supervisingJurisdiction(line: readonly JurisdictionStep[], level: SupervisionLevel): string | null {
  return line.find((step) => supervisionLevelOf(step.level) === level)?.code ?? null;
}

/**
 * Whether the actor's jurisdiction is `jurisdiction` itself or above it on the hazard's line. A jurisdiction off the
 * line (a neighbouring county, a town below) never is.
 */
export function atOrAbove(line: readonly JurisdictionStep[], actorJurisdiction: string, jurisdiction: string): boolean {
  const actor = line.findIndex((step) => step.code === actorJurisdiction);
  const target = line.findIndex((step) => step.code === jurisdiction);
  return actor >= 0 && target >= 0 && actor >= target;
}
