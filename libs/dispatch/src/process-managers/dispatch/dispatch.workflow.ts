import { unknownCase, type ProcessStep } from '@app/event-sourcing';
import { incidentAggregate, type IncidentClosed, type IncidentState } from '@app/incidents';
import { teamAggregate, type TeamDispatched, type TeamStatusReported } from '@app/teams';
import { warehouseAggregate, type StockAllocated } from '@app/warehouses';

/** The events that make the dispatch process act on another aggregate. */
export type DispatchCause = TeamDispatched | TeamStatusReported | IncidentClosed | StockAllocated;

/** Why a dispatch or an allocation that reached an ended incident is undone (kept on its events and the timeline). */
export const LATE_DISPATCH_REASON = '事故应急响应已终止，调派撤回';
export const LATE_ALLOCATION_REASON = '事故应急响应已终止，调拨撤回，预留库存释放';

/** An allocation of real stock to an incident that was neither delivered nor cancelled yet. */
export interface OpenAllocation {
  allocationId: string;
  warehouseId: string;
}

/** What the process manager loads before it asks the workflow (each cause needs only part of it). */
export interface DispatchFacts {
  /**
   * The name of the team that dispatched or reported, as its stream had it at that event (for the incident's record);
   * unknown: its id stands in.
   */
  teamName?: string | undefined;
  /** The incident that closed, as its stream holds it now. */
  incident?: IncidentState;
  /**
   * The incident refused to record this dispatch (409 INCIDENT_RESPONSE_ENDED): it had closed when the dispatch
   * reached it. Decided by the incident on its own stream; the workflow is asked again with it set.
   */
  assignmentRefused?: boolean;
  /**
   * For an allocation: the incident's close comes before it in store order, so the close was handled (and its open
   * allocations cancelled) without it. Read from the incident's stream, never from the board.
   */
  closedBeforeAllocation?: boolean;
  /** The incident's allocations still open. */
  openAllocations?: readonly OpenAllocation[];
  now: Date;
}

/**
 * Dispatch across aggregates, decided without I/O: a team's dispatch and status reports are recorded on the incident,
 * and a closed real incident sends its committed teams back (`returning`) and cancels its undelivered allocations.
 * The later steps are named by the team or allocation they touch, so each has its own idempotency key.
 *
 * What reaches an incident after it closed is undone instead (docs/domain.md rule 9): a dispatch checked against the
 * lagging board may be stored after the close. The incident refuses to record such a team, and the workflow, asked
 * again with that refusal, withdraws the team; an allocation stored after the close has its reservation cancelled.
 * Each says why, and the incident's record notes what was undone. Both decisions hang on facts fixed by the store
 * (the incident's refusal is replayed from its key; the order of two stored events does not change), so a redelivery
 * or a rebuild of the process decides the same and its keyed steps append nothing twice.
 */
export function dispatchWorkflow(event: DispatchCause, facts: DispatchFacts): ProcessStep[] {
  switch (event.type) {
    case 'TeamDispatched':
      if (facts.assignmentRefused) {
        return [
          step({
            aggregate: teamAggregate,
            id: event.data.teamId,
            step: 'withdraw',
            command: {
              type: 'WithdrawDispatch',
              incidentId: event.data.incidentId,
              reason: LATE_DISPATCH_REASON,
              now: facts.now,
            },
          }),
          step({
            aggregate: incidentAggregate,
            id: event.data.incidentId,
            step: 'record',
            command: {
              type: 'RecordLateDispatchWithdrawn',
              teamId: event.data.teamId,
              teamName: teamNameOf(facts.teamName, event.data.teamId),
              reason: LATE_DISPATCH_REASON,
              now: facts.now,
            },
          }),
        ];
      }
      return [
        step({
          aggregate: incidentAggregate,
          id: event.data.incidentId,
          command: {
            type: 'AssignTeam',
            teamId: event.data.teamId,
            teamName: teamNameOf(facts.teamName, event.data.teamId),
            task: event.data.task,
            dispatchedAt: new Date(event.data.dispatchedAt),
          },
        }),
      ];
    case 'TeamStatusReported':
      if (!event.data.incidentId) return [];
      return [
        step({
          aggregate: incidentAggregate,
          id: event.data.incidentId,
          command: {
            type: 'RecordAssignedTeamStatus',
            teamId: event.data.teamId,
            teamName: teamNameOf(facts.teamName, event.data.teamId),
            status: event.data.status,
            at: new Date(event.data.reportedAt),
          },
        }),
      ];
    case 'IncidentClosed':
      return standDown(facts);
    case 'StockAllocated':
      // Otherwise the allocation waits in the process's table of open allocations for the close, if one comes.
      if (!facts.closedBeforeAllocation) return [];
      return [
        step({
          aggregate: warehouseAggregate,
          id: event.data.warehouseId,
          step: 'cancel',
          // Delivered or cancelled by hand in the meantime: the refusal is the expected outcome.
          toleratesRuleErrors: true,
          command: {
            type: 'MoveAllocation',
            allocationId: event.data.allocationId,
            to: 'cancelled',
            reason: LATE_ALLOCATION_REASON,
            now: facts.now,
          },
        }),
        step({
          aggregate: incidentAggregate,
          id: event.data.incidentId,
          step: 'record',
          command: {
            type: 'RecordLateAllocationCancelled',
            allocationId: event.data.allocationId,
            warehouseId: event.data.warehouseId,
            items: event.data.items,
            reason: LATE_ALLOCATION_REASON,
            now: facts.now,
          },
        }),
      ];
    default:
      return unknownCase(event);
  }
}

function standDown({ incident, openAllocations = [], now }: DispatchFacts): ProcessStep[] {
  // A drill incident's teams were dispatched on paper (simulated): closing it must not stand down a real team.
  if (!incident || incident.status === 'none' || incident.drillId) return [];
  const committed = Object.entries(incident.assignedTeams)
    .filter(([, status]) => status === 'dispatched' || status === 'en_route' || status === 'on_scene')
    .map(([teamId]) => teamId);
  // A team or allocation may already have moved on by hand (stood down, delivered): its refusal is expected.
  const teams = committed.map((teamId) =>
    step({
      aggregate: teamAggregate,
      id: teamId,
      step: teamId,
      toleratesRuleErrors: true,
      command: { type: 'ReportTeamStatus', status: 'returning', note: '事故应急响应已终止，队伍返回', now },
    }),
  );
  const allocations = openAllocations.map((allocation) =>
    step({
      aggregate: warehouseAggregate,
      id: allocation.warehouseId,
      step: allocation.allocationId,
      toleratesRuleErrors: true,
      command: {
        type: 'MoveAllocation',
        allocationId: allocation.allocationId,
        to: 'cancelled',
        reason: '事故应急响应已终止，未送达的调拨自动取消',
        now,
      },
    }),
  );
  return [...teams, ...allocations];
}

function teamNameOf(teamName: string | undefined, fallback: string): string {
  return teamName ?? fallback;
}

/** Types a step against its aggregate's own commands, then widens it for the list. */
function step<C>(processStep: ProcessStep<C>): ProcessStep {
  return processStep as ProcessStep;
}
