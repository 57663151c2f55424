import type { EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import { RowBatch, type Projection } from '@app/event-sourcing/projections';
import type { JurisdictionRegistry } from '@app/shared';
import { alarmEvents, type AlarmEvent } from '../../domain/alarm/alarm.events';
import { urgencyOf } from '../../domain/alarm/escalation';
import { AlarmRow } from './alarm.entity';
import { toAlarmView } from './alarm.views';

/**
 * The alarm centre. Pushes `alarm.raised` and `alarm.changed` (acknowledged, escalated, resolved) to the consoles of
 * the alarm's jurisdiction and those above it, one delta per event so every console sees each step.
 */
export class AlarmProjection implements Projection {
  readonly name = 'alarms';
  readonly filter = { kind: 'category', categories: ['alarm'] } as const;
  readonly events = alarmEvents;

  constructor(private readonly jurisdictions: JurisdictionRegistry) {}

  async apply(events: readonly Recorded<AlarmEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    const batch = new RowBatch(manager, AlarmRow, 'id');
    const changes: { id: string; name: 'alarm.raised' | 'alarm.changed'; position: string }[] = [];
    for (const event of events) {
      const id = event.data.alarmId;
      const position = formatPosition(event.position);
      const next = applyToRow(await batch.current(id), event, Number(event.revision), position);
      if (!next) continue;
      batch.set(id, next);
      changes.push({ id, name: event.type === 'AlarmRaised' ? 'alarm.raised' : 'alarm.changed', position });
    }
    await batch.write();
    return changes.map(({ id, name, position }) => {
      const row = batch.changedEntry(id)!.row;
      return {
        name,
        position,
        scope: { jurisdiction: row.jurisdiction },
        data: { ...toAlarmView(row, this.jurisdictions), position },
      };
    });
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate alarms');
  }
}

function applyToRow(row: AlarmRow | null, event: AlarmEvent, revision: number, position: string): AlarmRow | null {
  if (event.type === 'AlarmRaised') {
    const d = event.data;
    return Object.assign(new AlarmRow(), {
      id: d.alarmId,
      sourceKey: d.sourceKey,
      kind: d.kind,
      severity: d.severity,
      status: 'raised',
      jurisdiction: d.jurisdiction,
      title: d.title,
      message: d.message,
      subjectType: d.subject.type,
      subjectId: d.subject.id,
      raisedAt: new Date(d.raisedAt),
      dueAt: d.dueAt ? new Date(d.dueAt) : null,
      acknowledgedAt: null,
      acknowledgedById: null,
      acknowledgedByName: null,
      acknowledgementNote: null,
      escalationLevel: 0,
      escalatedAt: null,
      resolvedAt: null,
      resolution: null,
      urgency: urgencyOf(d.kind, d.severity, d.dueAt, d.raisedAt),
      revision,
      position,
    });
  }
  if (!row) return null;
  switch (event.type) {
    case 'AlarmAcknowledged':
      return Object.assign(row, {
        status: 'acknowledged',
        acknowledgedAt: new Date(event.data.acknowledgedAt),
        acknowledgedById: event.data.by.id,
        acknowledgedByName: event.data.by.name,
        acknowledgementNote: event.data.note,
        revision,
        position,
      });
    case 'AlarmEscalated':
      return Object.assign(row, {
        escalationLevel: event.data.level,
        escalatedAt: new Date(event.data.escalatedAt),
        revision,
        position,
      });
    case 'AlarmResolved':
      return Object.assign(row, {
        status: 'resolved',
        resolvedAt: new Date(event.data.resolvedAt),
        resolution: event.data.reason,
        revision,
        position,
      });
    default:
      return Object.assign(row, { revision, position });
  }
}
