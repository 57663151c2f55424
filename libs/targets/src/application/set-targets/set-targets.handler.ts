import { Injectable } from '@nestjs/common';
import { CommandExecutor, commandAnswer, type CommandAnswer, type CommandContext } from '@app/event-sourcing';
import { OFFERED_INCIDENT_CATEGORIES } from '@app/incidents';
import { OutsideJurisdictionError, type Actor } from '@app/shared';
import type { TargetDocumentView } from '../../contract';
import { targetDocumentId, type TargetRecordedFigures } from '../../domain/target-document/target-document.types';
import { TargetDocuments } from '../../read-models/target-documents/target-documents.queries';
import { targetDocumentAggregate } from '../targets.aggregate';
import type { RecordedCountsRequest, SetTargetsRequest } from './set-targets.request';

export type TargetDocumentResponse = TargetDocumentView & CommandAnswer;

/**
 * 下达考核目标 for the actor's own jurisdiction or one below it. The jurisdiction is named in the path and the tree
 * is public, so a jurisdiction outside is refused as such (403), whether or not it has a document.
 */
@Injectable()
export class SetTargetsHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly documents: TargetDocuments,
  ) {}

  async handle(
    jurisdiction: string,
    year: number,
    body: SetTargetsRequest,
    context: CommandContext,
    actor: Actor,
  ): Promise<TargetDocumentResponse> {
    if (!actor.scope.includes(jurisdiction)) throw new OutsideJurisdictionError(jurisdiction);
    const executed = await this.executor.execute(
      targetDocumentAggregate,
      targetDocumentId(jurisdiction, year),
      {
        type: 'SetTargets',
        jurisdiction,
        year,
        targets: body.targets.map((t) => ({
          indicator: t.indicator,
          kind: t.kind,
          value: t.value,
          baselineYear: t.baselineYear ?? null,
          category: t.category ?? null,
        })),
        denominators: {
          gdp100mYuan: body.denominators?.gdp100mYuan ?? null,
          vehicles10k: body.denominators?.vehicles10k ?? null,
        },
        recorded: recordedOf(body.recorded),
        knownCategories: OFFERED_INCIDENT_CATEGORIES,
        now: this.executor.now(),
      },
      { ...context, jurisdiction },
    );
    const view = await this.documents.view(jurisdiction, year, actor);
    return { ...view, ...commandAnswer(executed) };
  }
}

/** Absent figures are "not entered" (null): the domain tells a 0 that was entered from one that was not. */
function recordedOf(body: SetTargetsRequest['recorded']): TargetRecordedFigures {
  const counts = (c: RecordedCountsRequest | undefined) => ({
    incidents: c?.incidents ?? null,
    deaths: c?.deaths ?? null,
    majorOrAboveIncidents: c?.majorOrAboveIncidents ?? null,
  });
  return {
    ...counts(body),
    categories: (body?.categories ?? []).map((c) => ({ category: c.category, ...counts(c) })),
  };
}
