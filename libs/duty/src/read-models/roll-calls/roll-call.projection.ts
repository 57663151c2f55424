import type { EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import { RowBatch, type Projection } from '@app/event-sourcing/projections';
import { DEFAULT_TIME_ZONE, toZonedIso, type JurisdictionRegistry } from '@app/shared';
import { rollCallEvents, type RollCallEvent } from '../../domain/roll-call/roll-call.events';
import { RollCallRow, type RollCallTargetRow } from '../duty.entities';

/**
 * Roll calls with the state of each called watch. Pushes `rollcall.issued` to each called jurisdiction's consoles
 * (and so to the calling level above it), then `rollcall.answered` / `rollcall.missed` for each target.
 */
export class RollCallProjection implements Projection {
  readonly name = 'roll-calls';
  readonly filter = { kind: 'category', categories: ['rollcall'] } as const;
  readonly events = rollCallEvents;

  constructor(private readonly jurisdictions: JurisdictionRegistry) {}

  async apply(events: readonly Recorded<RollCallEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    const batch = new RowBatch(manager, RollCallRow, 'id');
    const deltas: LiveDelta[] = [];
    for (const event of events) {
      const position = formatPosition(event.position);
      const id = event.data.rollCallId;
      if (event.type === 'RollCallIssued') {
        const d = event.data;
        const row = Object.assign(new RollCallRow(), {
          id,
          jurisdiction: d.jurisdiction,
          targetJurisdictions: d.targets,
          message: d.message,
          ackWithinMinutes: d.ackWithinMinutes,
          issuedBy: d.issuedBy,
          issuedAt: new Date(d.issuedAt),
          dueAt: new Date(d.dueAt),
          open: true,
          revision: Number(event.revision),
          position,
          targets: d.targets.map((jurisdiction): RollCallTargetRow => ({
            jurisdiction,
            status: 'pending',
            by: null,
            at: null,
            secondsTaken: null,
          })),
        });
        batch.set(id, row);
        for (const target of d.targets)
          deltas.push({
            name: 'rollcall.issued',
            position,
            scope: { jurisdiction: target },
            data: this.message(row, target),
          });
        continue;
      }
      const row = await batch.current(id);
      if (!row) continue;
      const target = event.data.jurisdiction;
      row.targets = row.targets.map((t): RollCallTargetRow => {
        if (t.jurisdiction !== target) return t;
        return event.type === 'RollCallAcknowledged'
          ? {
              ...t,
              status: 'answered',
              by: event.data.acknowledgedBy,
              at: event.data.acknowledgedAt,
              secondsTaken: event.data.secondsTaken,
            }
          : { ...t, status: 'missed', at: event.data.recordedAt };
      });
      row.open = row.targets.some((t) => t.status === 'pending');
      Object.assign(row, { revision: Number(event.revision), position });
      batch.set(id, row);
      deltas.push({
        name: event.type === 'RollCallAcknowledged' ? 'rollcall.answered' : 'rollcall.missed',
        position,
        scope: { jurisdiction: target },
        data: this.message(row, target),
      });
    }
    await batch.write();
    return deltas;
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate roll_calls');
  }

  private message(row: RollCallRow, target: string) {
    const zone = this.jurisdictions.get(target)?.timeZone ?? DEFAULT_TIME_ZONE;
    const state = row.targets.find((t) => t.jurisdiction === target);
    const caller = this.jurisdictions.get(row.jurisdiction)?.name ?? row.jurisdiction;
    const targetName = this.jurisdictions.get(target)?.name ?? target;
    const dueAt = toZonedIso(row.dueAt, zone);
    const text =
      state?.status === 'answered'
        ? `${targetName}已应答${caller}点名（${state.by?.name ?? ''}，用时 ${state.secondsTaken ?? 0} 秒）`
        : state?.status === 'missed'
          ? `${targetName}未在时限内应答${caller}点名`
          : `${caller}点名：请${targetName}值班人员于 ${dueAt} 前应答${row.message ? `（${row.message}）` : ''}`;
    return {
      rollCallId: row.id,
      jurisdiction: row.jurisdiction,
      jurisdictionName: caller,
      target,
      targetName,
      status: state?.status ?? 'pending',
      by: state?.by ?? null,
      at: state?.at ? toZonedIso(state.at, zone) : null,
      secondsTaken: state?.secondsTaken ?? null,
      dueAt,
      message: text,
    };
  }
}
