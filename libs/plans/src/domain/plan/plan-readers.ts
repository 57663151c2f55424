import type { Actor, JurisdictionRegistry } from '@app/shared';

type Reader = Pick<Actor, 'jurisdiction' | 'scope'>;
type Lineages = Pick<JurisdictionRegistry, 'lineage'>;

/**
 * Plans apply to their jurisdiction and everything below it, so a county reads its city's plans (it must know what
 * the city will do) but changes only its own and those below.
 */
export function readablePlanJurisdictions(actor: Reader, jurisdictions: Lineages): string[] {
  return [...new Set([...actor.scope, ...jurisdictions.lineage(actor.jurisdiction)])];
}

/** A plan the actor reads but may not change (a higher level's): such a change is refused (403), not "not found". */
export function isReadOnlyPlanFor(actor: Reader, planJurisdiction: string, jurisdictions: Lineages): boolean {
  return (
    !actor.scope.includes(planJurisdiction) &&
    readablePlanJurisdictions(actor, jurisdictions).includes(planJurisdiction)
  );
}
