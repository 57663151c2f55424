// The only entry point other code imports (domain code of other contexts: './domain').
export * from './domain';
export { TargetsModule, targetEntities, targetProjections } from './targets.module';
export { targetDocumentAggregate } from './application/targets.aggregate';
export { TargetDocuments } from './read-models/target-documents/target-documents.queries';
export type * from './contract';
