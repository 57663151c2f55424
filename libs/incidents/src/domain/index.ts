// The incidents context's pure domain: what other contexts' domain code may import (no framework behind it).
export * from './incident/accident-grade';
export * from './incident/incident.types';
export * from './incident/incident.events';
export * from './incident/incident.commands';
export * from './incident/incident.errors';
export * from './incident/checklist';
export * from './incident/reporting-deadlines';
export { incidentDecider } from './incident/incident.decider';
export type { IncidentState } from './incident/incident.state';
