// Early warnings (预警) and OASIS CAP 1.2 export: the only entry point other code imports.
export * from './domain/warning.types';
export * from './domain/warning.events';
export * from './domain/warning.commands';
export * from './domain/warning.errors';
export * from './domain/cap/cap.types';
export { toCapAlert, capTime, capPolygon, SEVERITY_OF_LEVEL, type CapSource, type CapMessageRecord } from './domain/cap/cap-alert';
export { warningDecider } from './domain/warning.decider';
export type { WarningState } from './domain/warning.state';
export { WarningsModule, warningEntities, warningProjections } from './warnings.module';
export { WarningBoardRow } from './read-models/warning-board.entity';
export type { WarningView } from './read-models/warning.views';
export { renderCapXml, CAP_CONTENT_TYPE } from './application/cap/cap-xml';
