import type { EntityManager } from 'typeorm';
import { formatPosition, type RecordedEvent } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import { RowBatch, type Projection } from '@app/event-sourcing/projections';
import type { Clock, JurisdictionRegistry } from '@app/shared';
import { warningEvents, type WarningEvent } from '../../domain/warning/warning.events';
import { WarningBoardRow, type WarningMessageRecord } from './warning-board.entity';
import { toWarningView } from './warning.views';

/**
 * The warning board. Pushes `warning.issued` for 发布 and `warning.changed` for 调整 and 解除 to the consoles of the
 * warning's jurisdiction (and those above it); a drill warning goes to its drill room only, like all drill data.
 */
export class WarningBoardProjection implements Projection {
  readonly name = 'warning-board';
  readonly filter = { kind: 'category', categories: ['warning'] } as const;
  readonly events = warningEvents;

  constructor(
    private readonly jurisdictions: JurisdictionRegistry,
    private readonly clock: Clock,
  ) {}

  async apply(events: readonly Recorded<WarningEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    const batch = new RowBatch(manager, WarningBoardRow, 'id');
    const changes: { id: string; name: 'warning.issued' | 'warning.changed'; position: string }[] = [];
    for (const event of events) {
      const id = event.data.warningId;
      const next = applyToRow(await batch.current(id), event, event);
      if (!next) continue;
      batch.set(id, next);
      changes.push({
        id,
        name: event.type === 'WarningIssued' ? 'warning.issued' : 'warning.changed',
        position: formatPosition(event.position),
      });
    }
    await batch.write();
    const now = this.clock.now();
    // One delta per event (not per row): a console must see the 发布 even when its 调整 lands in the same batch.
    return changes.map(({ id, name, position }) => {
      const row = batch.changedEntry(id)!.row;
      return {
        name,
        position,
        scope: {
          jurisdiction: row.jurisdiction,
          ...(row.incidentId ? { incidentId: row.incidentId } : {}),
          ...(row.drillId ? { drillId: row.drillId } : {}),
        },
        data: toWarningView(row, this.jurisdictions, now),
      };
    });
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate warning_board');
  }
}

function applyToRow(row: WarningBoardRow | null, event: WarningEvent, recorded: RecordedEvent): WarningBoardRow | null {
  const common = { revision: Number(recorded.revision), position: formatPosition(recorded.position) };
  const actor = typeof recorded.metadata.actorName === 'string' ? recorded.metadata.actorName : null;
  if (event.type === 'WarningIssued') {
    const d = event.data;
    const first: WarningMessageRecord = { action: 'issued', msgType: 'Alert', sent: d.issuedAt, actor, reason: null };
    return Object.assign(new WarningBoardRow(), {
      id: d.warningId,
      jurisdiction: d.jurisdiction,
      level: d.level,
      hazard: d.hazard,
      area: d.area,
      message: d.message,
      instruction: d.instruction,
      effective: new Date(d.effective),
      expires: new Date(d.expires),
      channels: d.channels,
      drillId: d.drillId,
      incidentId: d.incidentId,
      status: 'active',
      liftReason: null,
      liftedAt: null,
      issuedAt: new Date(d.issuedAt),
      updatedAt: new Date(d.issuedAt),
      messages: [first],
      ...common,
    });
  }
  if (!row) return null;
  switch (event.type) {
    case 'WarningUpdated': {
      const { expires, ...changes } = event.data.changes;
      const message: WarningMessageRecord = {
        action: 'updated',
        msgType: 'Update',
        sent: event.data.updatedAt,
        actor,
        reason: event.data.reason,
      };
      return Object.assign(row, changes, expires ? { expires: new Date(expires) } : {}, {
        updatedAt: new Date(event.data.updatedAt),
        messages: [...row.messages, message],
        ...common,
      });
    }
    case 'WarningLifted': {
      const message: WarningMessageRecord = {
        action: 'lifted',
        msgType: 'Cancel',
        sent: event.data.liftedAt,
        actor,
        reason: event.data.reason,
      };
      return Object.assign(row, {
        status: 'lifted',
        liftReason: event.data.reason,
        liftedAt: new Date(event.data.liftedAt),
        updatedAt: new Date(event.data.liftedAt),
        messages: [...row.messages, message],
        ...common,
      });
    }
    default:
      return Object.assign(row, common);
  }
}
