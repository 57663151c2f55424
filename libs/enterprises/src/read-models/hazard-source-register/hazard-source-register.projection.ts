import type { EntityManager } from 'typeorm';
import { formatPosition, type RecordedEvent } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import { RowBatch, type Projection } from '@app/event-sourcing/projections';
import type { JurisdictionRegistry } from '@app/shared';
import type { HazardAssessment } from '../../domain/gb18218/assess-hazard-source';
import { hazardSourceEvents, type HazardSourceEvent } from '../../domain/hazard-source/hazard-source.events';
import { lockEnterpriseHazardCounts, refreshEnterpriseHazardCounts } from './enterprise-hazard-counts';
import { HazardSourceHistoryRow, HazardSourceRow } from './hazard-source-register.entity';
import { toHazardSourceView, UNIT_KIND_LABELS } from './hazard-source.views';

/**
 * The hazard source register and its identification history: one row per unit with its latest assessment, one
 * history row per event (who, when, what changed, Σ q/Q, R and grade after it). Both in the batch's transaction.
 */
export class HazardSourceRegisterProjection implements Projection {
  readonly name = 'hazard-source-register';
  readonly filter = { kind: 'category', categories: ['hazardsource'] } as const;
  readonly events = hazardSourceEvents;

  constructor(private readonly jurisdictions: JurisdictionRegistry) {}

  async apply(events: readonly Recorded<HazardSourceEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    await lockEnterpriseHazardCounts(manager);
    const batch = await new RowBatch<HazardSourceRow, string>(manager, HazardSourceRow, 'id').preload(
      events.map((e) => e.data.hazardSourceId),
    );
    const history: HazardSourceHistoryRow[] = [];
    for (const event of events) {
      const id = event.data.hazardSourceId;
      const next = applyToRow(await batch.current(id), event, event);
      if (!next) continue;
      batch.set(id, next);
      history.push(historyRow(next, event, event));
    }
    await batch.write();
    if (history.length > 0) {
      // A redelivered event finds its history row already there: the key (unit, revision) keeps one.
      await manager.createQueryBuilder().insert().into(HazardSourceHistoryRow).values(history).orIgnore().execute();
    }
    await refreshEnterpriseHazardCounts(
      manager,
      batch.rows().map((row) => row.enterpriseId),
    );
    return batch.entries().map(({ row }) => ({
      name: 'hazard_source.changed' as const,
      position: row.position,
      scope: { jurisdiction: row.jurisdiction },
      data: toHazardSourceView(row, this.jurisdictions),
    }));
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate hazard_source_register, hazard_source_history');
  }
}

function withAssessment(row: HazardSourceRow, a: HazardAssessment): HazardSourceRow {
  return Object.assign(row, {
    substances: a.substances,
    sumRatio: a.sumRatio,
    sumRatioExact: a.sumRatioExact,
    isMajor: a.isMajor,
    alpha: a.alpha,
    r: a.r,
    rExact: a.rExact,
    grade: a.grade,
  });
}

function applyToRow(
  row: HazardSourceRow | null,
  event: HazardSourceEvent,
  recorded: RecordedEvent,
): HazardSourceRow | null {
  const common = { revision: Number(recorded.revision), position: formatPosition(recorded.position) };
  if (event.type === 'HazardSourceRegistered') {
    const d = event.data;
    const fresh = Object.assign(new HazardSourceRow(), {
      id: d.hazardSourceId,
      enterpriseId: d.enterpriseId,
      enterpriseName: d.enterpriseName,
      name: d.name,
      unitKind: d.unitKind,
      jurisdiction: d.jurisdiction,
      location: d.location,
      exposedPopulation: d.exposedPopulation,
      declared: d.substances,
      retiredAt: null,
      registeredAt: new Date(d.registeredAt),
      updatedAt: new Date(d.registeredAt),
      ...common,
    });
    return withAssessment(fresh, d.assessment);
  }
  if (!row) return null;
  switch (event.type) {
    case 'HazardSourceRenamed':
      return Object.assign(row, { name: event.data.name, updatedAt: new Date(event.data.at), ...common });
    case 'HazardExposedPopulationChanged':
      return withAssessment(
        Object.assign(row, {
          exposedPopulation: event.data.exposedPopulation,
          updatedAt: new Date(event.data.at),
          ...common,
        }),
        event.data.assessment,
      );
    case 'HazardSubstancesChanged':
      return withAssessment(
        Object.assign(row, { declared: event.data.substances, updatedAt: new Date(event.data.at), ...common }),
        event.data.assessment,
      );
    case 'HazardSourceRetired':
      return Object.assign(row, { retiredAt: new Date(event.data.at), updatedAt: new Date(event.data.at), ...common });
    default:
      return Object.assign(row, common);
  }
}

function historyRow(row: HazardSourceRow, event: HazardSourceEvent, recorded: RecordedEvent): HazardSourceHistoryRow {
  const meta = recorded.metadata;
  return Object.assign(new HazardSourceHistoryRow(), {
    hazardSourceId: row.id,
    revision: Number(recorded.revision),
    at: row.updatedAt,
    actorId: typeof meta.actorId === 'string' ? meta.actorId : null,
    actorName: typeof meta.actorName === 'string' ? meta.actorName : null,
    what: describe(event),
    sumRatio: row.sumRatio,
    isMajor: row.isMajor,
    r: row.r,
    grade: row.grade,
  });
}

/** The change in a sentence, as the history shows it (names and figures, never ids). */
function describe(event: HazardSourceEvent): string {
  switch (event.type) {
    case 'HazardSourceRegistered':
      return `登记${UNIT_KIND_LABELS[event.data.unitKind]}「${event.data.name}」：${substanceList(event.data.substances)}；厂外暴露人员 ${event.data.exposedPopulation} 人`;
    case 'HazardSourceRenamed':
      return `名称由「${event.data.previousName}」改为「${event.data.name}」`;
    case 'HazardExposedPopulationChanged':
      return `500米范围内厂外暴露人员由 ${event.data.previous} 人改为 ${event.data.exposedPopulation} 人`;
    case 'HazardSubstancesChanged':
      return `危险化学品及数量变更为：${substanceList(event.data.substances)}`;
    case 'HazardSourceRetired':
      return `核销：${event.data.reason}`;
    default: {
      const unknownEvent: never = event;
      return String(unknownEvent);
    }
  }
}

function substanceList(substances: readonly { name: string; quantityTonnes: number }[]): string {
  return substances.map((s) => `${s.name} ${s.quantityTonnes} t`).join('、');
}
