import type { LiveDelta } from '@app/event-sourcing';
import type { JurisdictionRegistry } from '@app/shared';

export interface ConsoleSubscription {
  jurisdiction?: string;
  incidentId?: string;
  drillId?: string;
}

/**
 * Real deltas go to `all`, to the jurisdiction and each of its ancestors (a city sees its counties), and to the
 * incident. Drill deltas go only to their drill and incident rooms: drill data never shows on a real board.
 */
export function roomsOfDelta(delta: LiveDelta, jurisdictions: JurisdictionRegistry): string[] {
  const rooms: string[] = [];
  if (delta.scope.incidentId) rooms.push(`incident:${delta.scope.incidentId}`);
  if (delta.scope.drillId) return [...rooms, `drill:${delta.scope.drillId}`];
  rooms.push('all');
  if (delta.scope.jurisdiction) rooms.push(...jurisdictions.lineage(delta.scope.jurisdiction).map((code) => `jurisdiction:${code}`));
  return rooms;
}

export function roomsOfSubscription(subscription: ConsoleSubscription): string[] {
  const rooms: string[] = [];
  if (subscription.jurisdiction) rooms.push(`jurisdiction:${subscription.jurisdiction}`);
  if (subscription.incidentId) rooms.push(`incident:${subscription.incidentId}`);
  if (subscription.drillId) rooms.push(`drill:${subscription.drillId}`);
  return rooms.length > 0 ? rooms : ['all'];
}
