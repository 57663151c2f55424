import type { LiveDelta } from '@app/event-sourcing';
import type { Actor, JurisdictionRegistry } from '@app/shared';

export interface ConsoleSubscription {
  jurisdiction?: string;
  incidentId?: string;
  drillId?: string;
  /** A replay (复盘回放): the gateway checks the actor may follow it before the room is joined. */
  replayId?: string;
}

/**
 * Room names carry the jurisdiction, so a socket can only ever be in rooms of its own jurisdictions: real deltas go
 * to the jurisdiction and each of its ancestors (a city sees its counties); incident and drill deltas go to
 * `incident:<id>@<jurisdiction>` / `drill:<id>@<jurisdiction>`, which a socket joins once per code in its scope, so a
 * console cannot follow an incident of another county even if it knows the id. Drill deltas never reach
 * jurisdiction rooms: drill data never shows on a real board.
 */
export function roomsOfDelta(delta: LiveDelta, jurisdictions: JurisdictionRegistry): string[] {
  const where = delta.scope.jurisdiction;
  if (!where) return [];
  const rooms: string[] = [];
  if (delta.scope.incidentId) rooms.push(`incident:${delta.scope.incidentId}@${where}`);
  if (delta.scope.drillId) return [...rooms, `drill:${delta.scope.drillId}@${where}`];
  return [...rooms, ...jurisdictions.lineage(where).map((code) => `jurisdiction:${code}`)];
}

/** The rooms a subscription joins, or a Chinese reason it is refused. Only the actor's own jurisdictions count. */
export function roomsOfSubscription(
  subscription: ConsoleSubscription,
  actor: Pick<Actor, 'jurisdiction' | 'scope'>,
): string[] | string {
  const rooms: string[] = [];
  if (subscription.jurisdiction) {
    if (!actor.scope.includes(subscription.jurisdiction)) return '只能订阅本辖区及下级辖区';
    rooms.push(`jurisdiction:${subscription.jurisdiction}`);
  }
  if (subscription.incidentId) rooms.push(...actor.scope.map((code) => `incident:${subscription.incidentId}@${code}`));
  if (subscription.drillId) rooms.push(...actor.scope.map((code) => `drill:${subscription.drillId}@${code}`));
  if (subscription.replayId) rooms.push(replayRoom(subscription.replayId));
  return rooms.length > 0 ? rooms : [`jurisdiction:${actor.jurisdiction}`];
}

/** Replays are re-emitted to `replay:<replayId>` (not through the live delta bus: no jurisdiction fan-out, no resume). */
export const replayRoom = (replayId: string): string => `replay:${replayId}`;
