import { DEFAULT_TIME_ZONE, toZonedIso, type JurisdictionRegistry } from '@app/shared';
import { ROLL_CALL_STATUS_LABELS } from '../domain/duty.types';
import type { HandoverView, RollCallView, ShiftStatus, ShiftView } from '../contract';
import type { DutyHandoverRow, DutyShiftRow, RollCallRow } from './duty.entities';

export type { HandoverView, RollCallView, ShiftView } from '../contract';

const zoneOf = (jurisdictions: JurisdictionRegistry, code: string) =>
  jurisdictions.get(code)?.timeZone ?? DEFAULT_TIME_ZONE;
const nameOf = (jurisdictions: JurisdictionRegistry, code: string) => jurisdictions.get(code)?.name ?? code;

export function toShiftView(row: DutyShiftRow, jurisdictions: JurisdictionRegistry, now: Date): ShiftView {
  const zone = zoneOf(jurisdictions, row.jurisdiction);
  const status: ShiftStatus = now < row.startsAt ? 'upcoming' : now < row.endsAt ? 'on_duty' : 'ended';
  return {
    id: row.id,
    jurisdiction: row.jurisdiction,
    jurisdictionName: nameOf(jurisdictions, row.jurisdiction),
    leader: row.leader,
    leaderLabel: '带班领导',
    officers: row.officers,
    officersLabel: '值班员',
    startsAt: toZonedIso(row.startsAt, zone),
    endsAt: toZonedIso(row.endsAt, zone),
    status,
    statusLabel: status === 'upcoming' ? '未接班' : status === 'on_duty' ? '在岗值班' : '已下班',
    handedOver: row.handoverId !== null,
    handoverId: row.handoverId,
    scheduledBy: row.scheduledBy,
    scheduledAt: toZonedIso(row.scheduledAt, zone),
  };
}

export function toHandoverView(row: DutyHandoverRow, jurisdictions: JurisdictionRegistry): HandoverView {
  const zone = zoneOf(jurisdictions, row.jurisdiction);
  return {
    id: row.id,
    label: '交接班',
    jurisdiction: row.jurisdiction,
    jurisdictionName: nameOf(jurisdictions, row.jurisdiction),
    fromShiftId: row.fromShiftId,
    toShiftId: row.toShiftId,
    note: row.note,
    handedOverBy: row.handedOverBy,
    handedOverAt: toZonedIso(row.handedOverAt, zone),
    status: row.acceptedAt ? 'accepted' : 'pending',
    statusLabel: row.acceptedAt ? '已接班' : '待接班确认',
    incoming: row.incoming ?? [],
    acceptedBy: row.acceptedBy,
    acceptedAt: row.acceptedAt ? toZonedIso(row.acceptedAt, zone) : null,
    summary: {
      computedAt: toZonedIso(row.summary.computedAt, zone),
      openIncidents: row.summary.openIncidents,
      pendingDeadlines: row.summary.pendingDeadlines.map((d) => ({ ...d, dueAt: toZonedIso(d.dueAt, zone) })),
      openRollCalls: (row.summary.openRollCalls ?? []).map((r) => ({ ...r, dueAt: toZonedIso(r.dueAt, zone) })),
      warningsInForce: (row.summary.warningsInForce ?? []).map((w) => ({ ...w, expires: toZonedIso(w.expires, zone) })),
    },
  };
}

/** `visible`: the targets the reader may see (a county sees its own answer, not its neighbours'). */
export function toRollCallView(
  row: RollCallRow,
  jurisdictions: JurisdictionRegistry,
  visible: (code: string) => boolean = () => true,
): RollCallView {
  const zone = zoneOf(jurisdictions, row.jurisdiction);
  return {
    id: row.id,
    label: '点名',
    jurisdiction: row.jurisdiction,
    jurisdictionName: nameOf(jurisdictions, row.jurisdiction),
    message: row.message,
    ackWithinMinutes: row.ackWithinMinutes,
    issuedBy: row.issuedBy,
    issuedAt: toZonedIso(row.issuedAt, zone),
    dueAt: toZonedIso(row.dueAt, zone),
    open: row.open,
    targets: row.targets
      .filter((t) => visible(t.jurisdiction))
      .map((t) => ({
        jurisdiction: t.jurisdiction,
        jurisdictionName: nameOf(jurisdictions, t.jurisdiction),
        status: t.status,
        statusLabel: ROLL_CALL_STATUS_LABELS[t.status],
        by: t.by,
        at: t.at ? toZonedIso(t.at, zone) : null,
        secondsTaken: t.secondsTaken,
      })),
  };
}
