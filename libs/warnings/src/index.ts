// Early warnings (预警) and OASIS CAP 1.2 export: the only entry point other code imports (domain code of other
// contexts: './domain').
export * from './domain';
export { warningAggregate } from './application/warning.aggregate';
export { WarningsModule, warningEntities, warningProjections } from './warnings.module';
export { WarningBoardQueries, type WarningFilter } from './read-models/warning-board/warning-board.queries';
export type { WarningView } from './read-models/warning-board/warning.views';
export { renderCapXml, CAP_CONTENT_TYPE } from './application/cap/cap-xml';
