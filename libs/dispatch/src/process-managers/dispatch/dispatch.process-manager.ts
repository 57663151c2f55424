import type { EntityManager } from 'typeorm';
import {
  EventRegistry,
  runProcessSteps,
  unknownCase,
  type CommandExecutor,
  type LiveDelta,
  type Recorded,
} from '@app/event-sourcing';
import type { Projection } from '@app/event-sourcing/projections';
import { incidentAggregate, incidentEvents } from '@app/incidents';
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

/**
 * Runs the dispatch workflow (dispatch.workflow.ts) as a checkpointed subscriber of the projection runner, so it sees
 * every event at least once; each step's idempotency key derives from the event that caused it, so a redelivered
 * event appends nothing new. The allocations still open per incident are its own small table, written in the same
 * transaction as its checkpoint. Its executor must not wait on read models: it runs inside the runner they need.
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
      case 'StockAllocated':
        await manager.query(
          `insert into process_open_allocations (allocation_id, warehouse_id, incident_id) values ($1, $2, $3) on conflict do nothing`,
          [event.data.allocationId, event.data.warehouseId, event.data.incidentId],
        );
        return;
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
        await runProcessSteps(this.executor, ACTOR, event, steps);
      }
    }
  }

  /** Loads only what the workflow needs for this event, from the streams themselves (not from a read model). */
  private async factsFor(event: DispatchCause, manager: EntityManager): Promise<DispatchFacts> {
    const now = this.executor.now();
    switch (event.type) {
      case 'TeamDispatched':
      case 'TeamStatusReported':
        if (event.type === 'TeamStatusReported' && !event.data.incidentId) return { now };
        return { team: (await this.executor.load(teamAggregate, event.data.teamId)).state, now };
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
