// The targets context's pure domain: what other contexts' domain code may import (no framework behind it).
export * from './target-document/target-document.types';
export * from './target-document/target-document.events';
export * from './target-document/target-document.commands';
export * from './target-document/target-document.errors';
export { targetDocumentDecider } from './target-document/target-document.decider';
export type { TargetDocumentState } from './target-document/target-document.state';
export * from './progress/target-progress';
