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
import type { Projection } from '@app/event-sourcing/projections';
import { incidentAggregate, incidentEvents, IncidentResponseEndedError } from '@app/incidents';
import { teamAggregate, teamEvents } from '@app/teams';
import { warehouseEvents } from '@app/warehouses';
import { dispatchWorkflow, type DispatchCause, type DispatchFacts, type OpenAllocation } from './dispatch.workflow';

/** The five events it reacts to, read through their contexts' registries (old shapes upcast, nothing else passed on). */
const reactsTo = EventRegistry.union(
  EventRegistry.union(teamEvents.only('TeamDispatched', 'TeamStatusReported'), incidentEvents.only('IncidentClosed')),
  warehouseEvents.only('StockAllocated', 'AllocationStatusChanged'),
);
type ReactsTo = typeof reactsTo extends EventRegistry<infer E> ? E : never;

const ACTOR = { id: 'dispatch-process', name: '调度流程' };

/** The incident's refusal of a team that reached it after its close: the workflow then withdraws the team. */
const RESPONSE_ENDED = new IncidentResponseEndedError().code;

/**
 * Runs the dispatch workflow (dispatch.workflow.ts) as a checkpointed subscriber of the projection runner, so it sees
 * every event at least once; each step's idempotency key derives from the event that caused it, so a redelivered
 * event appends nothing new. The allocations still open per incident are its own small table, written in the same
 * transaction as its checkpoint. Its executor must not wait on read models: it runs inside the runner they need.
 *
 * Events come in store order, and the incident is read from its own stream when each one is handled, so a dispatch
 * or allocation racing the close is undone whichever of the two was stored first (docs/domain.md rule 9): stored
 * before the close, the team is on the incident (or the allocation in the table) when the close is handled; stored
 * after it, the incident is seen closed when the dispatch or allocation is handled.
 */
export class DispatchProcessManager implements Projection<ReactsTo> {
  readonly name = 'dispatch-process';
  readonly filter = {
    kind: 'eventTypePrefix',
    prefixes: ['TeamDispatched', 'TeamStatusReported', 'IncidentClosed', 'StockAllocated', 'AllocationStatusChanged'],
  } as const;
  readonly events = reactsTo;

  constructor(private readonly executor: CommandExecutor) {}

  async apply(events: readonly Recorded<ReactsTo>[], manager: EntityManager): Promise<LiveDelta[]> {
    for (const event of events) await this.react(event, manager);
    return [];
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate process_open_allocations');
  }

  private async react(event: Recorded<ReactsTo>, manager: EntityManager): Promise<void> {
    switch (event.type) {
      case 'StockAllocated': {
        const facts = await this.factsFor(event, manager);
        const steps = dispatchWorkflow(event, facts);
        // An allocation to an incident still open waits in the table for the close; one to a closed incident is
        // cancelled now (its AllocationStatusChanged would take it out of the table anyway).
        if (steps.length === 0) {
          await manager.query(
            `insert into process_open_allocations (allocation_id, warehouse_id, incident_id) values ($1, $2, $3) on conflict do nothing`,
            [event.data.allocationId, event.data.warehouseId, event.data.incidentId],
          );
        }
        await runProcessSteps(this.executor, ACTOR, event, steps);
        return;
      }
      case 'AllocationStatusChanged':
        if (event.data.status === 'delivered' || event.data.status === 'cancelled') {
          await manager.query(`delete from process_open_allocations where allocation_id = $1`, [
            event.data.allocationId,
          ]);
        }
        return;
      default: {
        const cause: Recorded<DispatchCause> = event;
        const steps = dispatchWorkflow(cause, await this.factsFor(cause, manager));
        try {
          await runProcessSteps(this.executor, ACTOR, event, steps);
        } catch (error) {
          // The incident closed after the facts were read and refused the team: ask the workflow again with the
          // incident as it is now, which withdraws the team. Any other failure is retried by the runner.
          if (!(error instanceof DomainError) || error.code !== RESPONSE_ENDED) throw error;
          await runProcessSteps(
            this.executor,
            ACTOR,
            event,
            dispatchWorkflow(cause, await this.factsFor(cause, manager)),
          );
        }
      }
    }
  }

  /** Loads only what the workflow needs for this event, from the streams themselves (not from a read model). */
  private async factsFor(event: DispatchCause, manager: EntityManager): Promise<DispatchFacts> {
    const now = this.executor.now();
    switch (event.type) {
      case 'TeamDispatched': {
        const team = (await this.executor.load(teamAggregate, event.data.teamId)).state;
        const incident = (await this.executor.load(incidentAggregate, event.data.incidentId)).state;
        return { team, incident, now };
      }
      case 'TeamStatusReported':
        if (!event.data.incidentId) return { now };
        return { team: (await this.executor.load(teamAggregate, event.data.teamId)).state, now };
      case 'StockAllocated':
        return { incident: (await this.executor.load(incidentAggregate, event.data.incidentId)).state, now };
      case 'IncidentClosed': {
        const incident = (await this.executor.load(incidentAggregate, event.data.incidentId)).state;
        if (incident.status === 'none' || incident.drillId) return { incident, now };
        const open: { allocation_id: string; warehouse_id: string }[] = await manager.query(
          `select allocation_id, warehouse_id from process_open_allocations where incident_id = $1`,
          [incident.incidentId],
        );
        const openAllocations: OpenAllocation[] = open.map((r) => ({
          allocationId: r.allocation_id,
          warehouseId: r.warehouse_id,
        }));
        return { incident, openAllocations, now };
      }
      default:
        return unknownCase(event);
    }
  }
}
