import type { IncidentView } from '@app/incidents/contract';

/**
 * The actions a drill incident offers in the incident workspace: simulated dispatch, allocation and arrivals through
 * the drill's own endpoints (nothing real is touched). Placeholder until the drill workspace fills it.
 */
export function DrillIncidentActions({ incident }: { incident: IncidentView }) {
  return <section className="panel" data-testid="drill-incident-actions" data-drill-id={incident.drillId ?? ''} />;
}
