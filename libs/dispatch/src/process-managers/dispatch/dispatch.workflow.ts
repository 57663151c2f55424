import { unknownCase, type ProcessStep } from '@app/event-sourcing';
import { incidentAggregate, type IncidentClosed, type IncidentState } from '@app/incidents';
import { teamAggregate, type TeamDispatched, type TeamState, type TeamStatusReported } from '@app/teams';
import { warehouseAggregate, type StockAllocated } from '@app/warehouses';

/** The events that make the dispatch process act on another aggregate. */
export type DispatchCause = TeamDispatched | TeamStatusReported | IncidentClosed | StockAllocated;

/** Why a dispatch or an allocation that reached an ended incident is undone (shown on the timeline and the console). */
export const LATE_DISPATCH_REASON = '事故已结案，调派撤回';
export const LATE_ALLOCATION_REASON = '事故已结案，调拨撤回，预留库存释放';

/** An allocation of real stock to an incident that was neither delivered nor cancelled yet. */
export interface OpenAllocation {
  allocationId: string;
  warehouseId: string;
}

/** What the process manager loads before it asks the workflow (each cause needs only part of it). */
export interface DispatchFacts {
  /** The team that dispatched or reported, as its stream holds it now (for its name in the incident's record). */
  team?: TeamState;
  /**
   * The incident the event concerns, as its own stream holds it now (never the board, which may lag): the one that
   * closed, or the one a team was dispatched or stock allocated to.
   */
  incident?: IncidentState;
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
 * lagging board may be stored after the close, and the incident refuses to record it. The team's dispatch is then
 * withdrawn and an allocation's reservation cancelled, each saying why, and the incident's record notes what was
 * undone. Called again with fresher facts when the incident refuses the assignment (it closed between the facts and
 * the step), it withdraws the team.
 */
export function dispatchWorkflow(event: DispatchCause, facts: DispatchFacts): ProcessStep[] {
  switch (event.type) {
    case 'TeamDispatched':
      if (responseEnded(facts.incident)) {
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
              teamName: teamNameOf(facts.team, event.data.teamId),
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
            teamName: teamNameOf(facts.team, event.data.teamId),
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
            teamName: teamNameOf(facts.team, event.data.teamId),
            status: event.data.status,
            at: new Date(event.data.reportedAt),
          },
        }),
      ];
    case 'IncidentClosed':
      return standDown(facts);
    case 'StockAllocated':
      if (!responseEnded(facts.incident)) return [];
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
      command: { type: 'ReportTeamStatus', status: 'returning', note: '事故已结案，队伍返回', now },
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
        reason: '事故已结案，未送达的调拨自动取消',
        now,
      },
    }),
  );
  return [...teams, ...allocations];
}

/**
 * Closed on its own stream. Drill incidents are included: their real teams and stock never reach them (the handlers
 * refuse), and their simulated ones are refused by the incident itself.
 */
function responseEnded(incident: IncidentState | undefined): boolean {
  return incident?.status === 'closed';
}

function teamNameOf(team: TeamState | undefined, fallback: string): string {
  return !team || team.status === 'none' ? fallback : team.name;
}

/** Types a step against its aggregate's own commands, then widens it for the list. */
function step<C>(processStep: ProcessStep<C>): ProcessStep {
  return processStep as ProcessStep;
}
