import type { LiveDelta } from '@app/event-sourcing';
import type { ConsoleProtocol } from '@app/event-sourcing/contract';
import type { Actor, JurisdictionRegistry } from '@app/shared';

export interface ConsoleSubscription {
  jurisdiction?: string;
  incidentId?: string;
  drillId?: string;
  /** A replay (复盘回放): the gateway checks the actor may follow it before the room is joined. */
  replayId?: string;
}

/**
 * An incident's detail: shown only on its own screen, so under protocol 2 it goes only to the consoles that opened
 * the incident (`incident.open`), not to every console of the jurisdiction. Protocol 1 consoles still get it through
 * their jurisdiction rooms.
 */
export const DETAIL_DELTAS: ReadonlySet<string> = new Set(['timeline.appended', 'consultation.changed']);

/**
 * Protocol 1 consoles are in rooms of their own (`v1:` before the same names): a delta is sent to each protocol's
 * rooms with that protocol's payload, and no console is in both.
 */
const prefixOf = (protocol: ConsoleProtocol): string => (protocol === 1 ? 'v1:' : '');

/** The one room of an incident opened by a protocol 2 console: named with the incident's own jurisdiction. */
export const incidentRoom = (incidentId: string, jurisdiction: string, protocol: ConsoleProtocol = 2): string =>
  `${prefixOf(protocol)}incident:${incidentId}@${jurisdiction}`;

/**
 * Room names carry the jurisdiction, so a socket can only ever be in rooms of its own jurisdictions: real deltas go
 * to the jurisdiction and each of its ancestors (a city sees its counties); incident and drill deltas go to
 * `incident:<id>@<jurisdiction>` / `drill:<id>@<jurisdiction>`, so a console cannot follow an incident of another
 * county even if it knows the id. Drill deltas never reach jurisdiction rooms: drill data never shows on a real
 * board. Under protocol 2 an incident's detail deltas (`DETAIL_DELTAS`) reach its incident room only.
 */
export function roomsOfDelta(
  delta: LiveDelta,
  jurisdictions: JurisdictionRegistry,
  protocol: ConsoleProtocol = 2,
): string[] {
  const where = delta.scope.jurisdiction;
  if (!where) return [];
  const prefix = prefixOf(protocol);
  const rooms: string[] = [];
  if (delta.scope.incidentId) rooms.push(incidentRoom(delta.scope.incidentId, where, protocol));
  if (delta.scope.drillId) return [...rooms, `${prefix}drill:${delta.scope.drillId}@${where}`];
  if (protocol === 2 && delta.scope.incidentId && DETAIL_DELTAS.has(delta.name)) return rooms;
  return [...rooms, ...jurisdictions.lineage(where).map((code) => `${prefix}jurisdiction:${code}`)];
}

/**
 * The rooms a subscription joins, or a Chinese reason it is refused. Only the actor's own jurisdictions count. A
 * protocol 2 subscription to an incident names the incident's jurisdiction, which the gateway has checked is in the
 * actor's scope (`incidentJurisdiction`); protocol 1 joins the incident's room under each code of the scope.
 */
export function roomsOfSubscription(
  subscription: ConsoleSubscription,
  actor: Pick<Actor, 'jurisdiction' | 'scope'>,
  protocol: ConsoleProtocol = 2,
  incidentJurisdiction?: string,
): string[] | string {
  const prefix = prefixOf(protocol);
  const rooms: string[] = [];
  if (subscription.jurisdiction) {
    if (!actor.scope.includes(subscription.jurisdiction)) return '只能订阅本辖区及下级辖区';
    rooms.push(`${prefix}jurisdiction:${subscription.jurisdiction}`);
  }
  if (subscription.incidentId) {
    if (protocol === 1)
      rooms.push(...actor.scope.map((code) => incidentRoom(subscription.incidentId!, code, protocol)));
    else if (incidentJurisdiction && actor.scope.includes(incidentJurisdiction))
      rooms.push(incidentRoom(subscription.incidentId, incidentJurisdiction, protocol));
    else return '事故不存在或不在本辖区';
  }
  if (subscription.drillId) rooms.push(...actor.scope.map((code) => `${prefix}drill:${subscription.drillId}@${code}`));
  if (subscription.replayId) rooms.push(replayRoom(subscription.replayId));
  return rooms.length > 0 ? rooms : [`${prefix}jurisdiction:${actor.jurisdiction}`];
}

/** Replays are re-emitted to `replay:<replayId>` (not through the live delta bus: no jurisdiction fan-out, no resume). */
export const replayRoom = (replayId: string): string => `replay:${replayId}`;
