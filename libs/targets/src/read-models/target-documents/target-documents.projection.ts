import type { EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import { RowBatch, type Projection } from '@app/event-sourcing/projections';
import type { ActorDirectory } from '@app/shared';
import { targetDocumentEvents, type TargetDocumentEvent } from '../../domain/target-document/target-document.events';
import { noRecordedFigures, targetDocumentId } from '../../domain/target-document/target-document.types';
import { TargetDocumentRow } from './target-documents.entity';

/** The target documents, one row per jurisdiction and year; nothing is pushed live (documents change a few times a year). */
export class TargetDocumentsProjection implements Projection {
  readonly name = 'target-documents';
  readonly filter = { kind: 'category', categories: ['targets'] } as const;
  readonly events = targetDocumentEvents;

  constructor(private readonly directory?: ActorDirectory) {}

  async apply(events: readonly Recorded<TargetDocumentEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    const batch = new RowBatch(manager, TargetDocumentRow, 'id');
    // Who set the targets by display name (looked up once per batch); the recorded sign-in name otherwise.
    const names = this.directory
      ? await this.directory.displayNames([...new Set(events.map((e) => e.metadata.actorId))])
      : new Map<string, string>();
    for (const event of events) {
      const d = event.data;
      const id = targetDocumentId(d.jurisdiction, d.year);
      const actor =
        names.get(event.metadata.actorId) ??
        (typeof event.metadata.actorName === 'string' ? event.metadata.actorName : null);
      batch.set(
        id,
        Object.assign(new TargetDocumentRow(), {
          id,
          jurisdiction: d.jurisdiction,
          year: d.year,
          targets: d.targets,
          denominators: d.denominators,
          // Documents set before figures could be entered carry none.
          recorded: d.recorded ?? noRecordedFigures(),
          setAt: new Date(d.setAt),
          setBy: actor,
          revision: Number(event.revision),
          position: formatPosition(event.position),
        }),
      );
    }
    await batch.write();
    return [];
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate target_documents');
  }
}
