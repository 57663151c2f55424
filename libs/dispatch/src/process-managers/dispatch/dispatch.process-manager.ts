import type { EntityManager } from 'typeorm';
import { DomainError } from '@app/shared';
import {
  EventRegistry,
  runProcessSteps,
  unknownCase,
  type CommandExecutor,
  type LiveDelta,
  type Recorded,
} from '@app/event-sourcing';
import type { ProcessManager } from '@app/event-sourcing/projections';
import { incidentAggregate, incidentEvents, IncidentResponseEndedError } from '@app/incidents';
import { teamEvents } from '@app/teams';
import { warehouseEvents } from '@app/warehouses';
import { dispatchWorkflow, type DispatchCause, type DispatchFacts, type OpenAllocation } from './dispatch.workflow';
import { DispatchFactsTables } from './dispatch-facts.tables';

/**
 * The events it reacts to, and the two that only keep its table of team names, read through their contexts'
 * registries (old shapes upcast, nothing else passed on).
 */
const reactsTo = EventRegistry.union(
  EventRegistry.union(
    teamEvents.only('TeamRegistered', 'TeamProfileUpdated', 'TeamDispatched', 'TeamStatusReported'),
    incidentEvents.only('IncidentClosed'),
  ),
  warehouseEvents.only('StockAllocated', 'AllocationStatusChanged'),
);
type ReactsTo = typeof reactsTo extends EventRegistry<infer E> ? E : never;

const ACTOR = { id: 'dispatch-process', name: '调度流程' };

/** The incident's refusal of a team that reached it after its close: the workflow is asked again, and withdraws it. */
const RESPONSE_ENDED = new IncidentResponseEndedError().code;

/**
 * Runs the dispatch workflow (dispatch.workflow.ts) as a checkpointed subscriber of the projection runner, so it sees
 * every event at least once; each step's idempotency key derives from the event that caused it, so a redelivered
 * event appends nothing new. Its executor must not wait on read models: it runs inside the runner they need.
 *
 * What it decides from is its own small tables (dispatch-facts.tables.ts), written in the same transaction as its
 * checkpoint: team names, the incidents whose close it handled, the allocations still open per incident. It reads no
 * team stream per team event (a team's history grows with every status report); only a close loads its incident,
 * once per incident, for the teams the incident committed.
 *
 * Events come in store order, so a dispatch or allocation racing the close is undone whichever of the two was stored
 * first (docs/domain.md rule 9): a team the incident recorded before its close is sent back by the close, and one it
 * refuses is withdrawn; an allocation stored before the close is in the open table when the close is handled, and one
 * stored after it finds the close's position in the closed table and is cancelled when it is handled.
 */
export class DispatchProcessManager implements ProcessManager<ReactsTo> {
  readonly kind = 'process-manager';
  readonly name = 'dispatch-process';
  readonly filter = {
    kind: 'eventTypePrefix',
    prefixes: [
      'TeamRegistered',
      'TeamProfileUpdated',
      'TeamDispatched',
      'TeamStatusReported',
      'IncidentClosed',
      'StockAllocated',
      'AllocationStatusChanged',
    ],
  } as const;
  readonly events = reactsTo;

  constructor(private readonly executor: CommandExecutor) {}

  async apply(events: readonly Recorded<ReactsTo>[], manager: EntityManager): Promise<LiveDelta[]> {
    const tables = new DispatchFactsTables(manager);
    for (const event of events) {
      const facts = await this.factsFor(event, tables);
      if (facts && isCause(event)) await this.react(event, facts);
      await this.keep(event, tables, facts);
    }
    return [];
  }

  async seat(events: readonly Recorded<ReactsTo>[], manager: EntityManager): Promise<void> {
    const tables = new DispatchFactsTables(manager);
    for (const event of events) await this.keep(event, tables, await this.factsFor(event, tables, { seating: true }));
  }

  async reset(manager: EntityManager): Promise<void> {
    await new DispatchFactsTables(manager).truncate();
  }

  /** What the workflow is asked with for this event; undefined for the events that only keep the tables. */
  private async factsFor(
    event: Recorded<ReactsTo>,
    tables: DispatchFactsTables,
    { seating = false } = {},
  ): Promise<DispatchFacts | undefined> {
    const now = this.executor.now();
    switch (event.type) {
      case 'TeamRegistered':
      case 'TeamProfileUpdated':
      case 'AllocationStatusChanged':
        return undefined;
      case 'TeamDispatched':
      case 'TeamStatusReported':
        if (seating) return undefined;
        return { teamName: await tables.teamName(event.data.teamId), now };
      case 'StockAllocated':
        return { closedBeforeAllocation: await tables.closedBefore(event.data.incidentId, event.position), now };
      case 'IncidentClosed': {
        if (seating) return undefined;
        const incident = (await this.executor.load(incidentAggregate, event.data.incidentId)).state;
        if (incident.status === 'none' || incident.drillId) return { incident, now };
        const openAllocations: OpenAllocation[] = await tables.openAllocations(incident.incidentId);
        return { incident, openAllocations, now };
      }
      default:
        return unknownCase(event);
    }
  }

  /** The tables after this event, the same whether its steps ran (`apply`) or not (`seat`). */
  private async keep(
    event: Recorded<ReactsTo>,
    tables: DispatchFactsTables,
    facts: DispatchFacts | undefined,
  ): Promise<void> {
    switch (event.type) {
      case 'TeamRegistered':
        return tables.nameTeam(event.data.teamId, event.data.name);
      case 'TeamProfileUpdated':
        return event.data.name === undefined ? undefined : tables.nameTeam(event.data.teamId, event.data.name);
      case 'IncidentClosed':
        return tables.close(event.data.incidentId, event.position);
      case 'StockAllocated':
        // An allocation to an incident still open waits in the table for the close; one stored after the close is
        // cancelled now (its AllocationStatusChanged would take it out of the table anyway).
        if (facts?.closedBeforeAllocation) return;
        return tables.openAllocation(event.data.allocationId, event.data.warehouseId, event.data.incidentId);
      case 'AllocationStatusChanged':
        if (event.data.status === 'delivered' || event.data.status === 'cancelled')
          await tables.settleAllocation(event.data.allocationId);
        return;
      case 'TeamDispatched':
      case 'TeamStatusReported':
        return;
      default:
        return unknownCase(event);
    }
  }

  private async react(event: Recorded<DispatchCause>, facts: DispatchFacts): Promise<void> {
    try {
      await runProcessSteps(this.executor, ACTOR, event, dispatchWorkflow(event, facts));
    } catch (error) {
      // The incident had closed when the team's assignment reached it: ask the workflow again with the refusal,
      // which withdraws the team. Any other failure is retried by the runner.
      if (!(error instanceof DomainError) || error.code !== RESPONSE_ENDED || event.type !== 'TeamDispatched')
        throw error;
      await runProcessSteps(
        this.executor,
        ACTOR,
        event,
        dispatchWorkflow(event, { ...facts, assignmentRefused: true }),
      );
    }
  }
}

function isCause(event: Recorded<ReactsTo>): event is Recorded<DispatchCause> {
  return (
    event.type === 'TeamDispatched' ||
    event.type === 'TeamStatusReported' ||
    event.type === 'IncidentClosed' ||
    event.type === 'StockAllocated'
  );
}
