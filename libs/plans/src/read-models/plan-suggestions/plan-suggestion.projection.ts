import type { EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import { RowBatch, type Projection } from '@app/event-sourcing/projections';
import {
  isRaise,
  type AccidentGrade,
  type IncidentCategory,
  incidentEvents,
  type IncidentEvent,
  type ResponseLevel,
} from '@app/incidents';
import type { JurisdictionRegistry } from '@app/shared';
import type { PlanSuggestionsView } from '../../contract';
import { suggestPlans, type PlanInForce } from '../../domain/plan/plan-suggestions';
import { PlanRow } from '../plan-register/plan-register.entities';
import { PlanSuggestionRow, type SuggestionEntry } from './plan-suggestion.entity';

/**
 * Plan suggestions (docs/domain.md rule 13): after every change to what an incident's criteria look at, the published plans it
 * meets are listed and, when that list gains something, `plan.suggested` tells the console. A commander confirms by
 * activating; nothing escalates by itself.
 */
export class PlanSuggestionProjection implements Projection {
  readonly name = 'plan-suggestions';
  readonly filter = { kind: 'category', categories: ['incident'] } as const;
  readonly events = incidentEvents;

  constructor(private readonly jurisdictions: JurisdictionRegistry) {}

  async apply(events: readonly Recorded<IncidentEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    let plans: PlanInForce[] | undefined;
    // Each changed row notes what it suggested before this batch: applyFact updates the row in place.
    const batch = new RowBatch<PlanSuggestionRow, SuggestionEntry[]>(manager, PlanSuggestionRow, 'incidentId');
    for (const event of events) {
      const id = event.data.incidentId;
      const row = await batch.current(id);
      const before = batch.changedEntry(id)?.note ?? [...(row?.suggestions ?? [])];
      const next = applyFact(row, event);
      if (!next) continue;
      plans ??= await plansInForce(manager);
      next.suggestions = this.suggestionsFor(next, plans);
      next.position = formatPosition(event.position);
      batch.set(id, next, before);
    }
    await batch.write();
    return batch
      .entries()
      .filter(({ row, note: before }) => gained(before, row.suggestions))
      .map(({ row }) => ({
        name: 'plan.suggested' as const,
        position: row.position,
        scope: {
          jurisdiction: row.jurisdiction,
          incidentId: row.incidentId,
          ...(row.drillId ? { drillId: row.drillId } : {}),
        },
        data: toSuggestionView(row),
      }));
  }

  private suggestionsFor(row: PlanSuggestionRow, plans: readonly PlanInForce[]): SuggestionEntry[] {
    if (row.status !== 'open') return [];
    const facts = {
      category: row.facts.category as IncidentCategory,
      grade: row.facts.grade as AccidentGrade,
      casualties: row.facts.casualties,
      directLossYuan: row.facts.directLossYuan,
      jurisdictionLineage: this.jurisdictions.lineage(row.jurisdiction),
    };
    return suggestPlans(facts, plans).flatMap((s): SuggestionEntry[] => {
      if (!(s.planId in row.activated)) return [{ ...s, action: 'activate' }];
      // An active plan whose criteria now ask for a higher level than the incident's: suggest raising it.
      return isRaise(row.responseLevel as ResponseLevel | null, s.level) ? [{ ...s, action: 'raise_level' }] : [];
    });
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate plan_suggestions');
  }
}

export function toSuggestionView(row: PlanSuggestionRow): PlanSuggestionsView {
  return {
    incidentId: row.incidentId,
    title: row.facts.title,
    responseLevel: row.responseLevel,
    drillId: row.drillId,
    suggestions: row.suggestions,
  };
}

async function plansInForce(manager: EntityManager): Promise<PlanInForce[]> {
  const rows = await manager
    .getRepository(PlanRow)
    .createQueryBuilder('p')
    .where('p.in_force_version is not null')
    .getMany();
  return rows.map((p) => ({ planId: p.id, version: p.inForceVersion!, content: p.inForceContent! }));
}

/** True when a plan appears, or asks for a higher level than before: worth telling the console again. */
function gained(before: readonly SuggestionEntry[], after: readonly SuggestionEntry[]): boolean {
  return after.some((s) => {
    const previous = before.find((b) => b.planId === s.planId);
    return (
      !previous || previous.action !== s.action || isRaise(previous.level as ResponseLevel, s.level as ResponseLevel)
    );
  });
}

function applyFact(row: PlanSuggestionRow | null, event: IncidentEvent): PlanSuggestionRow | null {
  if (event.type === 'IncidentReported') {
    const d = event.data;
    return Object.assign(new PlanSuggestionRow(), {
      incidentId: d.incidentId,
      jurisdiction: d.jurisdiction,
      drillId: d.drillId,
      status: 'open',
      responseLevel: null,
      activated: {},
      suggestions: [],
      facts: {
        title: d.title,
        category: d.category,
        grade: d.grade,
        casualties: d.casualties,
        directLossYuan: d.directLossYuan,
      },
      updatedAt: new Date(d.receivedAt),
    });
  }
  if (!row) return null;
  switch (event.type) {
    case 'SituationUpdated':
      return Object.assign(row, {
        facts: { ...row.facts, casualties: event.data.casualties, directLossYuan: event.data.directLossYuan },
        updatedAt: new Date(event.data.updatedAt),
      });
    case 'AccidentGradeChanged':
      return Object.assign(row, {
        facts: { ...row.facts, grade: event.data.to },
        updatedAt: new Date(event.data.changedAt),
      });
    case 'ResponseLevelSet':
      return Object.assign(row, { responseLevel: event.data.level, updatedAt: new Date(event.data.decidedAt) });
    case 'PlanActivated':
      return Object.assign(row, {
        activated: { ...row.activated, [event.data.plan.planId]: event.data.level },
        updatedAt: new Date(event.data.activatedAt),
      });
    case 'IncidentClosed':
      return Object.assign(row, { status: 'closed', updatedAt: new Date(event.data.closedAt) });
    default:
      return null;
  }
}
