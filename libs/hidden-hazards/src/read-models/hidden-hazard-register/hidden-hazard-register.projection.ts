import type { EntityManager } from 'typeorm';
import { formatPosition, type RecordedEvent } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import { RowBatch, type Projection } from '@app/event-sourcing/projections';
import type { Clock, JurisdictionRegistry } from '@app/shared';
import { hiddenHazardEvents, type HiddenHazardEvent } from '../../domain/hidden-hazard/hidden-hazard.events';
import { HiddenHazardRow } from './hidden-hazard-register.entity';
import { toHiddenHazardView } from './hidden-hazard.views';

/**
 * The hidden hazard register: one row per hazard with its supervision, rectification, every 验收 and its 销号. After
 * the batch commits each changed hazard goes to the consoles of its jurisdiction as `hidden_hazard.changed`.
 */
export class HiddenHazardRegisterProjection implements Projection {
  readonly name = 'hidden-hazard-register';
  readonly filter = { kind: 'category', categories: ['hiddenhazard'] } as const;
  readonly events = hiddenHazardEvents;

  constructor(
    private readonly jurisdictions: JurisdictionRegistry,
    private readonly clock: Clock,
  ) {}

  async apply(events: readonly Recorded<HiddenHazardEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    const batch = await new RowBatch<HiddenHazardRow, string>(manager, HiddenHazardRow, 'id').preload(
      events.map((e) => e.data.hiddenHazardId),
    );
    for (const event of events) {
      const id = event.data.hiddenHazardId;
      const current = await batch.current(id);
      // A redelivered event finds its row at or past its revision: applying it again would add its 验收 twice.
      if (current && current.revision >= Number(event.revision)) continue;
      const next = applyToRow(current, event, event);
      if (next) batch.set(id, next);
    }
    await batch.write();
    const now = this.clock.now();
    return batch.rows().map((row) => ({
      name: 'hidden_hazard.changed' as const,
      position: row.position,
      scope: { jurisdiction: row.jurisdiction },
      data: toHiddenHazardView(row, this.jurisdictions, now),
    }));
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate hidden_hazard_register');
  }
}

function applyToRow(
  row: HiddenHazardRow | null,
  event: HiddenHazardEvent,
  recorded: RecordedEvent,
): HiddenHazardRow | null {
  const common = { revision: Number(recorded.revision), position: formatPosition(recorded.position) };
  if (event.type === 'HiddenHazardRecorded') {
    const d = event.data;
    return Object.assign(new HiddenHazardRow(), {
      id: d.hiddenHazardId,
      enterpriseId: d.enterpriseId,
      enterpriseName: d.enterpriseName,
      jurisdiction: d.jurisdiction,
      hazardSourceId: d.hazardSourceId,
      hazardSourceName: d.hazardSourceName,
      title: d.title,
      description: d.description,
      grade: d.grade,
      standard: d.standard,
      source: d.source,
      foundAt: new Date(d.foundAt),
      foundBy: d.foundBy,
      measures: d.rectification.measures,
      deadline: new Date(d.rectification.deadline),
      responsibleName: d.rectification.responsible.name,
      responsiblePhone: d.rectification.responsible.phone,
      status: 'rectifying',
      round: 1,
      supervisionLevel: null,
      supervisionJurisdiction: null,
      supervisedAt: null,
      supervisedBy: null,
      rectifiedAt: null,
      rectificationNote: null,
      verifications: [],
      deadlineChanges: [],
      extensions: 0,
      closedAt: null,
      closedBy: null,
      recordedAt: new Date(d.recordedAt),
      updatedAt: new Date(d.recordedAt),
      ...common,
    });
  }
  if (!row) return null;
  switch (event.type) {
    case 'HiddenHazardSupervised':
      return Object.assign(row, {
        supervisionLevel: event.data.level,
        supervisionJurisdiction: event.data.jurisdiction,
        supervisedAt: new Date(event.data.at),
        supervisedBy: event.data.by.name,
        updatedAt: new Date(event.data.at),
        ...common,
      });
    case 'HiddenHazardRectified':
      return Object.assign(row, {
        status: 'rectified',
        rectifiedAt: new Date(event.data.at),
        rectificationNote: event.data.note,
        updatedAt: new Date(event.data.at),
        ...common,
      });
    case 'HiddenHazardVerified': {
      const d = event.data;
      const verification = { at: d.at, passed: d.passed, note: d.note, by: d.by.name };
      const change = d.deadline
        ? [
            {
              kind: 'verification_failed' as const,
              from: row.deadline.toISOString(),
              to: d.deadline,
              reason: d.note,
              at: d.at,
              by: d.by.name,
            },
          ]
        : [];
      return Object.assign(row, {
        verifications: [...row.verifications, verification],
        deadline: d.deadline ? new Date(d.deadline) : row.deadline,
        deadlineChanges: [...(row.deadlineChanges ?? []), ...change],
        status: d.passed ? 'verified' : 'rectifying',
        round: d.passed ? row.round : row.round + 1,
        updatedAt: new Date(d.at),
        ...common,
      });
    }
    case 'HiddenHazardDeadlineExtended': {
      const d = event.data;
      return Object.assign(row, {
        deadline: new Date(d.deadline),
        deadlineChanges: [
          ...(row.deadlineChanges ?? []),
          { kind: 'extension', from: d.previousDeadline, to: d.deadline, reason: d.reason, at: d.at, by: d.by.name },
        ],
        extensions: (row.extensions ?? 0) + 1,
        updatedAt: new Date(d.at),
        ...common,
      });
    }
    case 'HiddenHazardClosed':
      return Object.assign(row, {
        status: 'closed',
        closedAt: new Date(event.data.at),
        closedBy: event.data.by.name,
        updatedAt: new Date(event.data.at),
        ...common,
      });
    default:
      return Object.assign(row, common);
  }
}
