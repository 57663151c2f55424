import { rollCallEvents } from './roll-call.events';
import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import type { RollCallCommand } from './roll-call.commands';
import type { RollCallEvent } from './roll-call.events';
import { evolveRollCall, initialRollCallState, type RollCallState } from './roll-call.state';
import {
  InvalidRollCallError,
  NotRollCallTargetError,
  RollCallAlreadyAnsweredError,
  RollCallAlreadyIssuedError,
  RollCallClosedError,
  RollCallNotFoundError,
} from '../duty.errors';
import { ROLL_CALL_MAX_MINUTES, ROLL_CALL_MIN_MINUTES } from '../duty.types';

export function decideRollCall(command: RollCallCommand, state: RollCallState): RollCallEvent[] {
  const at = command.now.toISOString();
  if (command.type === 'IssueRollCall') {
    if (state.status !== 'none') throw new RollCallAlreadyIssuedError();
    const { ackWithinMinutes: minutes, targets } = command;
    if (!Number.isInteger(minutes) || minutes < ROLL_CALL_MIN_MINUTES || minutes > ROLL_CALL_MAX_MINUTES) {
      throw new InvalidRollCallError(`应答时限须为 ${ROLL_CALL_MIN_MINUTES}–${ROLL_CALL_MAX_MINUTES} 分钟`);
    }
    if (targets.length === 0 || new Set(targets).size !== targets.length)
      throw new InvalidRollCallError('点名对象须为不重复的下级辖区');
    if (targets.includes(command.jurisdiction))
      throw new InvalidRollCallError('只能点名下级辖区，不能点名本辖区', { jurisdiction: command.jurisdiction });
    const dueAt = new Date(command.now.getTime() + minutes * 60_000).toISOString();
    return [
      {
        type: 'RollCallIssued',
        data: {
          rollCallId: command.rollCallId,
          jurisdiction: command.jurisdiction,
          targets: [...targets],
          message: command.message,
          ackWithinMinutes: minutes,
          issuedBy: command.by,
          issuedAt: at,
          dueAt,
        },
      },
    ];
  }
  if (state.status === 'none') {
    if (command.type === 'RecordMissedRollCalls') return [];
    throw new RollCallNotFoundError();
  }
  const overdue = command.now.getTime() > Date.parse(state.dueAt);
  switch (command.type) {
    case 'AcknowledgeRollCall': {
      const target = state.targets.find((t) => t.jurisdiction === command.jurisdiction);
      if (!target) throw new NotRollCallTargetError(command.jurisdiction);
      if (target.status === 'answered')
        throw new RollCallAlreadyAnsweredError(target.jurisdiction, target.by ?? '', target.at ?? '');
      if (target.status === 'missed' || overdue) throw new RollCallClosedError(target.jurisdiction, state.dueAt);
      const secondsTaken = Math.max(0, Math.round((command.now.getTime() - Date.parse(state.issuedAt)) / 1000));
      return [
        {
          type: 'RollCallAcknowledged',
          data: {
            rollCallId: state.rollCallId,
            jurisdiction: target.jurisdiction,
            acknowledgedBy: command.by,
            acknowledgedAt: at,
            secondsTaken,
          },
        },
      ];
    }
    case 'RecordMissedRollCalls':
      if (!overdue) return [];
      return state.targets
        .filter((t) => t.status === 'pending')
        .map((t) => ({
          type: 'RollCallMissed' as const,
          data: { rollCallId: state.rollCallId, jurisdiction: t.jurisdiction, dueAt: state.dueAt, recordedAt: at },
        }));
    default:
      return unknownCase(command);
  }
}

/**
 * No `scopeOf`: a roll call is visible both to the calling level and to the called watches below it, so the
 * application checks visibility against the roll call's targets; the event metadata names the calling jurisdiction.
 */
export const rollCallDecider = defineDecider<RollCallCommand, RollCallEvent, RollCallState>({
  events: rollCallEvents,
  initialState: initialRollCallState,
  evolve: evolveRollCall,
  decide: decideRollCall,
  notFound: () => new RollCallNotFoundError(),
});
