import type { AlarmRaised } from './alarm.events';
import type { AlarmResolution, EscalationLevel } from '../../contract';

export interface RaiseAlarm {
  type: 'RaiseAlarm';
  alarm: Omit<AlarmRaised['data'], 'raisedAt'>;
  now: Date;
}

export interface AcknowledgeAlarm {
  type: 'AcknowledgeAlarm';
  by: { id: string; name: string };
  note: string | null;
  now: Date;
}

/** Asked by the escalation tick with the level the profile reaches now; a lower or equal level decides nothing. */
export interface EscalateAlarm {
  type: 'EscalateAlarm';
  level: EscalationLevel;
  now: Date;
}

export interface ResolveAlarm {
  type: 'ResolveAlarm';
  reason: AlarmResolution;
  now: Date;
}

export type AlarmCommand = RaiseAlarm | AcknowledgeAlarm | EscalateAlarm | ResolveAlarm;
