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

/**
 * The realtime contract's version a console announces in its handshake (`auth.protocol`). 1 (or none): every delta
 * of a jurisdiction reaches its consoles and `incident.changed` carries the whole view. 2: an incident's detail deltas
 * (`timeline.appended`, `consultation.changed`) reach only the consoles that opened it (`incident.open`), and
 * `incident.changed` carries what changed (`ViewChange`). ADR 0020.
 */
export type ConsoleProtocol = 1 | 2;

/**
 * What changed in a view since the version the server last sent of it: the changed fields, with the view's id,
 * revision and position. `base` is the `position` of the view the change applies to; null when the change carries
 * every field (the server held no earlier version): the console replaces what it holds. A console whose view is not
 * at `base` reloads the view instead of patching it.
 */
export interface ViewChange<V extends { id: string; revision: number; position: string }> {
  id: string;
  revision: number;
  position: string;
  base: string | null;
  changed: Partial<V>;
}

/** The payloads of protocol 2, by delta name: the same as `LiveDeltaPayloads` but for `incident.changed`. */
export type LiveDeltaPayloadsV2 = Omit<LiveDeltaPayloads, 'incident.changed'> & {
  'incident.changed': ViewChange<IncidentView>;
};
