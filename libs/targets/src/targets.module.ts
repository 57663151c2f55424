import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IncidentsModule, SHARE_TARGETS } from '@app/incidents';
import type { ActorDirectory, JurisdictionRegistry } from '@app/shared';
import {
  TargetDocumentQueriesController,
  TargetsProgressController,
} from './application/query-targets/target-queries.controller';
import { TargetsProgress } from './application/query-targets/targets-progress';
import { SetTargetsController } from './application/set-targets/set-targets.controller';
import { SetTargetsHandler } from './application/set-targets/set-targets.handler';
import { DocumentShareTargets } from './read-models/target-documents/share-targets.provider';
import { TargetDocumentRow } from './read-models/target-documents/target-documents.entity';
import { TargetDocumentsProjection } from './read-models/target-documents/target-documents.projection';
import { TargetDocuments } from './read-models/target-documents/target-documents.queries';

/** The read-model tables this context owns. */
export const targetEntities: (new () => object)[] = [TargetDocumentRow];

/**
 * The incidents context's SHARE_TARGETS port. Global so that the incidents module receives it without importing this
 * context (which depends on it): the statistics judge the 较大及以上占比 against the jurisdiction's own target.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(targetEntities)],
  providers: [TargetDocuments, DocumentShareTargets, { provide: SHARE_TARGETS, useExisting: DocumentShareTargets }],
  exports: [TargetDocuments, SHARE_TARGETS],
})
export class TargetShareTargetsModule {}

/**
 * 考核目标: targets per jurisdiction and year (counts, shares, rates with their denominators, reductions against a
 * baseline year), split down to lower jurisdictions, and the progress against them (docs/targets.md).
 */
@Module({
  imports: [TypeOrmModule.forFeature(targetEntities), CqrsModule, IncidentsModule, TargetShareTargetsModule],
  controllers: [SetTargetsController, TargetDocumentQueriesController, TargetsProgressController],
  providers: [SetTargetsHandler, TargetsProgress],
  exports: [],
})
export class TargetsModule {}

export function targetProjections(_jurisdictions: JurisdictionRegistry, actors?: ActorDirectory) {
  return [new TargetDocumentsProjection(actors)];
}
