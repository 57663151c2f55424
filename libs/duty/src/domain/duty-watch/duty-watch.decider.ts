import { dutyWatchEvents } from './duty-watch.events';
import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import type { AcceptHandover, DutyWatchCommand, HandOverShift, ScheduleShift } from './duty-watch.commands';
import type { DutyWatchEvent } from './duty-watch.events';
import { evolveDutyWatch, initialDutyWatchState, type DutyWatchState, type ShiftRecord } from './duty-watch.state';
import {
  HandoverAlreadyAcceptedError,
  HandoverNotAcceptedError,
  HandoverNotFoundError,
  InvalidHandoverTargetError,
  NotIncomingOfficerError,
  NotShiftLeaderError,
  InvalidShiftPeriodError,
  NoNextShiftError,
  NoShiftOnDutyError,
  ShiftAlreadyHandedOverError,
  ShiftAlreadyScheduledError,
  ShiftOverlapError,
} from '../duty.errors';
import { HANDOVER_GRACE_MINUTES, MAX_SHIFT_HOURS } from '../duty.types';

const HOUR = 3_600_000;

function scheduleShift(command: ScheduleShift, state: DutyWatchState): DutyWatchEvent[] {
  const [start, end, now] = [command.startsAt.getTime(), command.endsAt.getTime(), command.now.getTime()];
  if (end <= start) throw new InvalidShiftPeriodError('交班时间（endsAt）须晚于接班时间（startsAt）');
  if (end - start > MAX_SHIFT_HOURS * HOUR)
    throw new InvalidShiftPeriodError(`一个值班班次最长 ${MAX_SHIFT_HOURS} 小时`);
  if (command.authority === 'shift_leader') {
    const onDuty = state.shifts.find((s) => s.startsAt <= now && now < s.endsAt);
    if (!onDuty || onDuty.leaderUserId !== command.by.userId) throw new NotShiftLeaderError();
  }
  if (end <= now) throw new InvalidShiftPeriodError('不能排定已经结束的班次');
  if (state.shifts.some((s) => s.shiftId === command.shiftId)) throw new ShiftAlreadyScheduledError();
  const overlapping = state.shifts.find((s) => s.startsAt < end && start < s.endsAt);
  if (overlapping) throw new ShiftOverlapError(overlapping);
  return [
    {
      type: 'ShiftScheduled',
      data: {
        jurisdiction: command.jurisdiction,
        shiftId: command.shiftId,
        leader: command.leader,
        officers: command.officers,
        startsAt: command.startsAt.toISOString(),
        endsAt: command.endsAt.toISOString(),
        scheduledBy: command.by,
        scheduledAt: command.now.toISOString(),
      },
    },
  ];
}

/**
 * The handing-over shift is the earliest one not yet handed over that is on duty now or ended within the grace
 * period: at 20:05 the day shift that ended at 20:00 still hands over to the night shift already on watch.
 */
export function handingOverShift(state: DutyWatchState, now: number): ShiftRecord {
  const candidates = state.shifts
    .filter((s) => !s.handedOver && s.startsAt <= now && s.endsAt > now - HANDOVER_GRACE_MINUTES * 60_000)
    .sort((a, b) => a.startsAt - b.startsAt);
  if (candidates[0]) return candidates[0];
  const onDuty = state.shifts.find((s) => s.startsAt <= now && now < s.endsAt);
  if (onDuty) throw new ShiftAlreadyHandedOverError(onDuty.shiftId);
  throw new NoShiftOnDutyError();
}

function handOver(command: HandOverShift, state: DutyWatchState): DutyWatchEvent[] {
  const from = handingOverShift(state, command.now.getTime());
  // The outgoing shift must itself have taken the watch: a handover to it still pending means it is not yet responsible.
  const received = state.handovers.find((h) => h.toShiftId === from.shiftId && !h.accepted);
  if (received) throw new HandoverNotAcceptedError(received.handoverId);
  let to: ShiftRecord | undefined;
  if (command.toShiftId !== undefined) {
    to = state.shifts.find((s) => s.shiftId === command.toShiftId);
    if (!to || to.startsAt < from.endsAt) throw new InvalidHandoverTargetError(command.toShiftId);
  } else {
    to = state.shifts.filter((s) => s.startsAt >= from.endsAt).sort((a, b) => a.startsAt - b.startsAt)[0];
    if (!to) throw new NoNextShiftError();
  }
  return [
    {
      type: 'ShiftHandedOver',
      data: {
        jurisdiction: command.jurisdiction,
        handoverId: command.handoverId,
        fromShiftId: from.shiftId,
        toShiftId: to.shiftId,
        note: command.note,
        summary: command.summary,
        handedOverBy: command.by,
        handedOverAt: command.now.toISOString(),
        incoming: to.accounts.map((a) => ({ userId: a.userId, name: a.name })),
      },
    },
  ];
}

/**
 * 接班确认: only an account the taking-over shift names accepts; when it names none, any officer of the watch may,
 * but never the one who handed over (a handover acknowledged by its own author is no handover).
 */
function acceptHandover(command: AcceptHandover, state: DutyWatchState): DutyWatchEvent[] {
  const handover = state.handovers.find((h) => h.handoverId === command.handoverId);
  if (!handover) throw new HandoverNotFoundError();
  if (handover.accepted) throw new HandoverAlreadyAcceptedError(handover.handoverId);
  const named = handover.incoming.length > 0;
  const allowed = named
    ? handover.incoming.some((a) => a.userId === command.by.userId)
    : handover.handedOverBy !== command.by.userId;
  if (!allowed) throw new NotIncomingOfficerError(handover.incoming.map((a) => a.name).join('、'));
  return [
    {
      type: 'HandoverAccepted',
      data: {
        jurisdiction: command.jurisdiction,
        handoverId: handover.handoverId,
        fromShiftId: handover.fromShiftId,
        toShiftId: handover.toShiftId,
        acceptedBy: command.by,
        acceptedAt: command.now.toISOString(),
      },
    },
  ];
}

export function decideDutyWatch(command: DutyWatchCommand, state: DutyWatchState): DutyWatchEvent[] {
  switch (command.type) {
    case 'ScheduleShift':
      return scheduleShift(command, state);
    case 'HandOverShift':
      return handOver(command, state);
    case 'AcceptHandover':
      return acceptHandover(command, state);
    default:
      return unknownCase(command);
  }
}

export const dutyWatchDecider = defineDecider<DutyWatchCommand, DutyWatchEvent, DutyWatchState>({
  events: dutyWatchEvents,
  initialState: initialDutyWatchState,
  evolve: evolveDutyWatch,
  decide: decideDutyWatch,
  scopeOf: (state) => (state.jurisdiction ? { jurisdiction: state.jurisdiction } : {}),
});
