import type { EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import type { Projection } from '@app/event-sourcing/projections';
import type { JurisdictionRegistry } from '@app/shared';
import { dutyWatchEvents, type DutyWatchEvent } from '../../domain/duty-watch/duty-watch.events';
import { DutyHandoverRow, DutyShiftRow } from '../duty.entities';
import { toHandoverView, toShiftView } from '../duty.views';

/** Shifts, handovers and their acceptance of every jurisdiction's watch; pushes `duty.changed` to the jurisdiction's consoles. */
export class DutyWatchProjection implements Projection {
  readonly name = 'duty-watch';
  readonly filter = { kind: 'category', categories: ['duty'] } as const;
  readonly events = dutyWatchEvents;

  constructor(private readonly jurisdictions: JurisdictionRegistry) {}

  async apply(events: readonly Recorded<DutyWatchEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    const shifts = manager.getRepository(DutyShiftRow);
    const handovers = manager.getRepository(DutyHandoverRow);
    const deltas: LiveDelta[] = [];
    // A watch gets a few events a day: one statement per event keeps a shift and its handover in the same batch simple.
    for (const event of events) {
      const position = formatPosition(event.position);
      if (event.type === 'ShiftScheduled') {
        const d = event.data;
        const row = Object.assign(new DutyShiftRow(), {
          id: d.shiftId,
          jurisdiction: d.jurisdiction,
          leader: d.leader,
          officers: d.officers,
          startsAt: new Date(d.startsAt),
          endsAt: new Date(d.endsAt),
          scheduledBy: d.scheduledBy,
          scheduledAt: new Date(d.scheduledAt),
          handoverId: null,
          position,
        });
        await shifts.save(row);
        deltas.push({
          name: 'duty.changed',
          position,
          scope: { jurisdiction: d.jurisdiction },
          data: { kind: 'shift', shift: toShiftView(row, this.jurisdictions, new Date(d.scheduledAt)) },
        });
      } else if (event.type === 'ShiftHandedOver') {
        const d = event.data;
        const row = Object.assign(new DutyHandoverRow(), {
          id: d.handoverId,
          jurisdiction: d.jurisdiction,
          fromShiftId: d.fromShiftId,
          toShiftId: d.toShiftId,
          note: d.note,
          summary: d.summary,
          handedOverBy: d.handedOverBy,
          handedOverAt: new Date(d.handedOverAt),
          incoming: d.incoming ?? [],
          acceptedBy: null,
          acceptedAt: null,
          position,
        });
        await handovers.save(row);
        await shifts.update({ id: d.fromShiftId }, { handoverId: d.handoverId, position });
        deltas.push({
          name: 'duty.changed',
          position,
          scope: { jurisdiction: d.jurisdiction },
          data: { kind: 'handover', handover: toHandoverView(row, this.jurisdictions) },
        });
      } else if (event.type === 'HandoverAccepted') {
        const d = event.data;
        await handovers.update(
          { id: d.handoverId },
          { acceptedBy: d.acceptedBy, acceptedAt: new Date(d.acceptedAt), position },
        );
        const row = await handovers.findOneBy({ id: d.handoverId });
        if (row)
          deltas.push({
            name: 'duty.changed',
            position,
            scope: { jurisdiction: d.jurisdiction },
            data: { kind: 'handover_accepted', handover: toHandoverView(row, this.jurisdictions) },
          });
      }
    }
    return deltas;
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate duty_shifts, duty_handovers');
  }
}
