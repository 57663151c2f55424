/**
 * What the replay context shows the outside world (复盘回放): the replay's state (GET /replays/{id} and the answers
 * of its steering commands) and the messages sent to room `replay:{id}`. Pure types, shared with the console
 * (`import type` from `@app/replay/contract`).
 */
import type { IncidentView } from '@app/incidents/contract';

export type ReplayStatus = 'running' | 'paused' | 'finished';

export interface ReplayView {
  replayId: string;
  incidentId: string | null;
  drillId: string | null;
  status: ReplayStatus;
  speed: number;
  /** The replay time reached: the recorded time of the last re-emitted event, or the instant sought. */
  at: string;
  from: string;
  to: string;
  emitted: number;
  total: number;
  position: string | null;
  startedBy: string;
  startedAt: string;
}

/**
 * Every event type a replay re-emits: the incident streams' events, the warehouse allocation events of the
 * incidents' allocations, and the drill stream's own. The console words each one (a `Record` over this union, so a
 * type added here without its sentence fails the console's type check); a unit test of libs/replay checks this list
 * against the event registries the replay reads, so a type added there fails until it is named here.
 */
export type ReplayEventType =
  | 'IncidentReported'
  | 'SituationUpdated'
  | 'AccidentGradeChanged'
  | 'IncidentClosed'
  | 'TeamAssigned'
  | 'AssignedTeamStatusChanged'
  | 'ResponseLevelSet'
  | 'ReportPassedUp'
  | 'PartyNotified'
  | 'ObligationWrittenOff'
  | 'PlanActivated'
  | 'ChecklistTasksAdded'
  | 'ChecklistTaskCompleted'
  | 'DrillAllocationRecorded'
  | 'LateDispatchWithdrawn'
  | 'LateAllocationCancelled'
  | 'StockAllocated'
  | 'AllocationStatusChanged'
  | 'DrillPlanned'
  | 'DrillStarted'
  | 'InjectExecuted'
  | 'InjectFailed'
  | 'DrillEnded'
  | 'TeamJoinedDrill'
  | 'TeamRecalledFromDrill';

/**
 * Who recorded an event, named as the incident timeline names them: a person by display name (the name recorded with
 * the event when the directory no longer knows them), or a system process; `via` the process that acted for a person.
 */
export interface ReplayActorView {
  name: string;
  kind: 'person' | 'system';
  via: string | null;
}

/** One recorded event re-emitted, with the incident's board view as it stood after it. */
export interface ReplayEventData {
  replayId: string;
  index: number;
  total: number;
  incidentId: string | null;
  /** Sent after a seek: the view is the refolded state at the instant sought. */
  seek?: true;
  event: { type: string; streamName: string; revision: number; data: unknown; recordedAt: string };
  /** Who recorded the event (null: its metadata names nobody). */
  actor: ReplayActorView | null;
  state: IncidentView | null;
}

export interface ReplayFinishedData {
  replayId: string;
  at: string;
  total: number;
}

/** The messages of room `replay:{id}`, each `{ position, data }`. */
export interface ReplayMessages {
  'replay.event': { position: string | null; data: ReplayEventData };
  'replay.finished': { position: string | null; data: ReplayFinishedData };
}
