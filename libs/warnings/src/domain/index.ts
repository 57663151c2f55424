// The warnings context's pure domain: what other contexts' domain code may import (no framework behind it).
export * from './warning/warning.types';
export * from './warning/warning.events';
export * from './warning/warning.commands';
export * from './warning/warning.errors';
export * from './cap/cap.types';
export {
  toCapAlert,
  capTime,
  capPolygon,
  SEVERITY_OF_LEVEL,
  type CapSource,
  type CapMessageRecord,
} from './cap/cap-alert';
export { warningDecider } from './warning/warning.decider';
export type { WarningState } from './warning/warning.state';
