import { EventRegistry } from '@app/event-sourcing/events';
import type { AlarmKind, AlarmResolution, AlarmSeverity, EscalationLevel } from '../../contract';

/** An alarm raised by its source (a deadline, a roll call, a stock line, a warning); `sourceKey` names the cause. */
export interface AlarmRaised {
  type: 'AlarmRaised';
  data: {
    alarmId: string;
    sourceKey: string;
    kind: AlarmKind;
    severity: AlarmSeverity;
    jurisdiction: string;
    title: string;
    message: string;
    subject: { type: string; id: string };
    dueAt: string | null;
    raisedAt: string;
  };
}

/** 已确认: a named person took the alarm in hand, with an optional note. */
export interface AlarmAcknowledged {
  type: 'AlarmAcknowledged';
  data: { alarmId: string; by: { id: string; name: string }; note: string | null; acknowledgedAt: string };
}

/** Not acknowledged in time: raised to the shift leader (1), then the commander (2). */
export interface AlarmEscalated {
  type: 'AlarmEscalated';
  data: { alarmId: string; level: EscalationLevel; escalatedAt: string };
}

/** The cause ended (the report was made, the roll call answered, the stock restocked…). Final. */
export interface AlarmResolved {
  type: 'AlarmResolved';
  data: { alarmId: string; reason: AlarmResolution; resolvedAt: string };
}

export type AlarmEvent = AlarmRaised | AlarmAcknowledged | AlarmEscalated | AlarmResolved;

export const alarmEvents = EventRegistry.of<AlarmEvent>({
  AlarmRaised: {},
  AlarmAcknowledged: {},
  AlarmEscalated: {},
  AlarmResolved: {},
});
