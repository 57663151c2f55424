import { DEFAULT_TIME_ZONE, type JurisdictionRegistry } from '@app/shared';

/**
 * The area a statistics read covers: the asked jurisdiction (default: the actor's own) with everything below it that
 * the actor may see, and the time zone its calendar periods and times are given in.
 */
export function askedArea(
  jurisdictions: JurisdictionRegistry,
  asked: string | undefined,
  actor: { jurisdiction: string; scope: readonly string[] },
): { jurisdiction: string; scope: string[]; zone: string } {
  const jurisdiction = asked ?? actor.jurisdiction;
  const scope = jurisdictions.descendants(jurisdiction).filter((c) => actor.scope.includes(c));
  return { jurisdiction, scope, zone: jurisdictions.get(jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE };
}
