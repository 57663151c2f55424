/**
 * What the alarm centre (告警中心) shows the outside world: the view `GET /alarms` returns and the `alarm.raised` /
 * `alarm.changed` deltas carry. Pure types, shared with the console (`import type` from `@app/alarms/contract`).
 */

/** What raised the alarm. `monitoring` and `hidden_hazard` are accepted for sources still to come. */
export type AlarmKind = 'deadline' | 'roll_call' | 'stock' | 'warning' | 'monitoring' | 'hidden_hazard';
export const ALARM_KINDS: readonly AlarmKind[] = [
  'deadline',
  'roll_call',
  'stock',
  'warning',
  'monitoring',
  'hidden_hazard',
];

/** critical: a legal deadline passed; major: about to pass, or a watch that did not answer; minor: the rest. */
export type AlarmSeverity = 'critical' | 'major' | 'minor';
export type AlarmStatus = 'raised' | 'acknowledged' | 'resolved';
export const ALARM_STATUSES: readonly AlarmStatus[] = ['raised', 'acknowledged', 'resolved'];

/** 0: not escalated; 1: to the shift leader (带班领导); 2: to the commander (指挥长). */
export type EscalationLevel = 0 | 1 | 2;

/** Why an alarm ended: its cause ended. */
export type AlarmResolution =
  | 'obligation_met'
  | 'deadline_passed'
  /** Only in alarms resolved before the watch kept closed incidents' obligations; no longer produced. */
  | 'incident_closed'
  | 'obligation_gone'
  | 'roll_call_answered'
  | 'roll_call_closed'
  | 'stock_restored'
  | 'batch_cleared'
  | 'superseded'
  | 'warning_lifted'
  | 'warning_expired'
  | 'cause_ended'
  /** Monitoring: the readings came back inside the thresholds (past the deadband). */
  | 'reading_normal'
  /** Monitoring: the silent sensor reported again. */
  | 'sensor_online'
  /** Monitoring: the sensor or its hazard source was taken out of service. */
  | 'sensor_removed'
  /** Hidden hazards: the rectification was reported done (整改完成), or the hazard was closed (销号). */
  | 'hazard_rectified';

export interface AlarmView {
  id: string;
  kind: AlarmKind;
  kindLabel: string;
  severity: AlarmSeverity;
  severityLabel: string;
  status: AlarmStatus;
  statusLabel: string;
  title: string;
  message: string;
  jurisdiction: string;
  jurisdictionName: string;
  subject: { type: string; id: string };
  raisedAt: string;
  dueAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: { id: string; name: string } | null;
  acknowledgementNote: string | null;
  escalation: { level: EscalationLevel; label: string | null; at: string | null };
  resolvedAt: string | null;
  resolution: AlarmResolution | null;
  resolutionLabel: string | null;
  /** Sort key: lower is more urgent (severity class first, then the due time or the time raised). */
  urgency: number;
  revision: number;
  position: string;
}
