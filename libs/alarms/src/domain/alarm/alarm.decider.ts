import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import type { AlarmCommand } from './alarm.commands';
import { AlarmNotFoundError, AlarmResolvedError } from './alarm.errors';
import { alarmEvents, type AlarmEvent } from './alarm.events';
import { evolveAlarm, initialAlarmState, type AlarmState } from './alarm.state';

/**
 * The alarm's lifecycle: raised → (escalated)* → acknowledged → resolved, or resolved straight from raised when the
 * cause ends first (and raised again if it comes back). Raising, escalating and resolving come from the alarm watch and must be safe to repeat (two
 * replicas, a restart): each decides nothing when the alarm is already there. Acknowledging twice is answered
 * without a new event; acknowledging a resolved alarm is a conflict the person must see.
 */
export function decideAlarm(command: AlarmCommand, state: AlarmState): AlarmEvent[] {
  if (command.type === 'RaiseAlarm') {
    // The same cause seen again by another process, or a restart: one alarm. A cause that ended and came back (stock
    // below its minimum again) raises the resolved alarm anew.
    if (state.status !== 'none' && state.status !== 'resolved') return [];
    return [{ type: 'AlarmRaised', data: { ...command.alarm, raisedAt: command.now.toISOString() } }];
  }
  if (state.status === 'none') throw new AlarmNotFoundError();
  const at = command.now.toISOString();
  switch (command.type) {
    case 'AcknowledgeAlarm':
      if (state.status === 'resolved') throw new AlarmResolvedError(state.resolvedAt ?? at);
      if (state.status === 'acknowledged') return [];
      return [
        {
          type: 'AlarmAcknowledged',
          data: { alarmId: state.alarmId, by: command.by, note: command.note, acknowledgedAt: at },
        },
      ];
    case 'EscalateAlarm':
      // Someone took it in hand, or it ended: nobody needs to be woken further.
      if (state.status !== 'raised' || command.level <= state.escalationLevel) return [];
      return [{ type: 'AlarmEscalated', data: { alarmId: state.alarmId, level: command.level, escalatedAt: at } }];
    case 'ResolveAlarm':
      if (state.status === 'resolved') return [];
      return [{ type: 'AlarmResolved', data: { alarmId: state.alarmId, reason: command.reason, resolvedAt: at } }];
    default:
      return unknownCase(command);
  }
}

export const alarmDecider = defineDecider<AlarmCommand, AlarmEvent, AlarmState>({
  events: alarmEvents,
  initialState: initialAlarmState,
  evolve: evolveAlarm,
  decide: decideAlarm,
  notFound: () => new AlarmNotFoundError(),
  scopeOf: (state) => (state.status === 'none' ? {} : { jurisdiction: state.jurisdiction }),
});
