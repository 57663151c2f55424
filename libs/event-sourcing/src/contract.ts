/**
 * The live deltas the server pushes to consoles over Socket.IO `/console`, by name: one map, used where projections
 * and schedulers publish them and where the console applies them. Pure types (`import type` from
 * `@app/event-sourcing/contract`); each payload is the owning context's own view type.
 */
import type { AlarmView } from '@app/alarms/contract';
import type { DrillMessage, DrillView } from '@app/drills/contract';
import type { DutyChange, RollCallMessage } from '@app/duty/contract';
import type { HazardSourceView } from '@app/enterprises/contract';
import type { HiddenHazardView } from '@app/hidden-hazards/contract';
import type { ConsultationView } from '@app/experts/contract';
import type { DeadlineAlarm, IncidentView, TimelineEntryView } from '@app/incidents/contract';
import type { PlanSuggestionsView } from '@app/plans/contract';
import type { ShelterView } from '@app/shelters/contract';
import type { TeamView } from '@app/teams/contract';
import type { StockLineView } from '@app/warehouses/contract';
import type { WarningView } from '@app/warnings/contract';

export interface LiveDeltaPayloads {
  'incident.changed': IncidentView;
  'timeline.appended': TimelineEntryView;
  'team.changed': TeamView;
  'stock.changed': StockLineView;
  /** A reporting deadline 10 minutes away. */
  'deadline.due': DeadlineAlarm;
  'deadline.overdue': DeadlineAlarm;
  'plan.suggested': PlanSuggestionsView;
  'warning.issued': WarningView;
  /** 调整 or 解除 of a warning. */
  'warning.changed': WarningView;
  'duty.changed': DutyChange;
  'rollcall.issued': RollCallMessage;
  'rollcall.answered': RollCallMessage;
  'rollcall.missed': RollCallMessage;
  'drill.changed': DrillView;
  'drill.message': DrillMessage;
  /** An alarm of the alarm centre raised (or raised again when its cause came back). */
  'alarm.raised': AlarmView;
  /** Acknowledged, escalated or resolved. */
  'alarm.changed': AlarmView;
  /** A hazardous-chemical unit registered, changed (assessed again) or retired. */
  'hazard_source.changed': HazardSourceView;
  /** A hidden hazard recorded, supervised, rectified, verified or closed. */
  'hidden_hazard.changed': HiddenHazardView;
  /** An expert invited to an incident, or their answer recorded (to the incident's consoles). */
  'consultation.changed': ConsultationView;
  /** A shelter registered, changed, or its occupancy recorded. */
  'shelter.changed': ShelterView;
}

export type LiveDeltaName = keyof LiveDeltaPayloads;

/**
 * What a console receives for a live delta: the payload and the global position of the event that caused it
 * (a console resumes from the newest position it saw).
 */
export interface LiveDeltaMessage<N extends LiveDeltaName = LiveDeltaName> {
  position: string;
  data: LiveDeltaPayloads[N];
}

/** Messages of the `/console` namespace that are not live deltas (no position to resume from). */
export interface ConsoleControlMessages {
  /** The console is too far behind (or a projection changed hands): reload everything over HTTP. */
  'snapshot.required': { position: string | null; data: { reason: string; projection?: string } };
  /** The token or the session ended: `token_expired` (renew and reconnect), else sign in again. */
  'session.expired': { data: { reason: string } };
  /** This process is stopping: reconnect (elsewhere, or here once restarted) and resume. */
  'server.shutdown': { data: { reason: string; retryAfterSeconds: number } };
}
