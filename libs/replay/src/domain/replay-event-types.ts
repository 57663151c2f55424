import type { ReplayEventType } from '../contract';

/**
 * The event types a replay re-emits, as a value (the contract's union is erased at compile time): the `satisfies`
 * makes a type missing from either side a compile error, and a unit test checks the list against the registries.
 */
export const REPLAY_EVENT_TYPES = Object.keys({
  IncidentReported: true,
  SituationUpdated: true,
  AccidentGradeChanged: true,
  IncidentClosed: true,
  TeamAssigned: true,
  AssignedTeamStatusChanged: true,
  ResponseLevelSet: true,
  ReportPassedUp: true,
  PartyNotified: true,
  ObligationWrittenOff: true,
  PlanActivated: true,
  ChecklistTasksAdded: true,
  ChecklistTaskCompleted: true,
  DrillAllocationRecorded: true,
  LateDispatchWithdrawn: true,
  LateAllocationCancelled: true,
  StockAllocated: true,
  AllocationStatusChanged: true,
  DrillPlanned: true,
  DrillStarted: true,
  InjectExecuted: true,
  InjectFailed: true,
  DrillEnded: true,
  TeamJoinedDrill: true,
  TeamRecalledFromDrill: true,
} satisfies Record<ReplayEventType, true>) as ReplayEventType[];

/** The warehouse events a replay takes from the warehouse streams: those of the incidents' allocations. */
export const REPLAYED_ALLOCATION_EVENTS: ReadonlySet<string> = new Set<ReplayEventType>([
  'StockAllocated',
  'AllocationStatusChanged',
]);
