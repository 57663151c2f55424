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
import { isAfter, readWholeStream, StreamNotFoundError, type EventStore, type Position } from '@app/event-store';
import { incidentAggregate, incidentEvents, incidentStream, IncidentResponseEndedError } from '@app/incidents';
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

/** The incident's refusal of a team that reached it after its close: the workflow is asked again, and withdraws it. */
const RESPONSE_ENDED = new IncidentResponseEndedError().code;

/**
 * Runs the dispatch workflow (dispatch.workflow.ts) as a checkpointed subscriber of the projection runner, so it sees
 * every event at least once; each step's idempotency key derives from the event that caused it, so a redelivered
 * event appends nothing new. The allocations still open per incident are its own small table, written in the same
 * transaction as its checkpoint. Its executor must not wait on read models: it runs inside the runner they need.
 *
 * Events come in store order, so a dispatch or allocation racing the close is undone whichever of the two was stored
 * first (docs/domain.md rule 9): a team the incident recorded before its close is sent back by the close, and one it
 * refuses is withdrawn; an allocation stored before the close is in the table when the close is handled, and one
 * stored after it (the incident's stream says so) is cancelled when it is handled.
 */
export class DispatchProcessManager implements Projection<ReactsTo> {
  readonly name = 'dispatch-process';
  readonly filter = {
    kind: 'eventTypePrefix',
    prefixes: ['TeamDispatched', 'TeamStatusReported', 'IncidentClosed', 'StockAllocated', 'AllocationStatusChanged'],
  } as const;
  readonly events = reactsTo;

  constructor(
    private readonly executor: CommandExecutor,
    /** The incident's stream, read for where its close lies in store order. */
    private readonly store: EventStore,
  ) {}

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
        const steps = dispatchWorkflow(event, await this.factsFor(event, manager, event.position));
        // An allocation to an incident still open waits in the table for the close; one stored after the close is
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
        const facts = await this.factsFor(cause, manager, event.position);
        try {
          await runProcessSteps(this.executor, ACTOR, event, dispatchWorkflow(cause, facts));
        } catch (error) {
          // The incident had closed when the team's assignment reached it: ask the workflow again with the refusal,
          // which withdraws the team. Any other failure is retried by the runner.
          if (!(error instanceof DomainError) || error.code !== RESPONSE_ENDED || cause.type !== 'TeamDispatched')
            throw error;
          await runProcessSteps(
            this.executor,
            ACTOR,
            event,
            dispatchWorkflow(cause, { ...facts, assignmentRefused: true }),
          );
        }
      }
    }
  }

  /** Loads only what the workflow needs for this event, from the streams themselves (not from a read model). */
  private async factsFor(event: DispatchCause, manager: EntityManager, position: Position): Promise<DispatchFacts> {
    const now = this.executor.now();
    switch (event.type) {
      case 'TeamDispatched':
        return { team: (await this.executor.load(teamAggregate, event.data.teamId)).state, now };
      case 'TeamStatusReported':
        if (!event.data.incidentId) return { now };
        return { team: (await this.executor.load(teamAggregate, event.data.teamId)).state, now };
      case 'StockAllocated':
        return { closedBeforeAllocation: await this.closedBefore(event.data.incidentId, position), now };
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

  /** Whether the incident's close lies before `position` in store order (an unknown incident has not closed). */
  private async closedBefore(incidentId: string, position: Position): Promise<boolean> {
    const stream = await readWholeStream(this.store, incidentStream(incidentId)).catch((error: unknown) => {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    });
    const close = stream.find((e) => e.type === 'IncidentClosed');
    return close !== undefined && isAfter(position, close.position);
  }
}
