import type { EntityManager } from 'typeorm';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { EventRegistry, handleCommand, load, type CommandContext, type LiveDelta, type Recorded, type SnapshotStore } from '@app/event-sourcing';
import type { Projection } from '@app/event-sourcing/projections';
import { incidentDecider, incidentEvents, incidentStream } from '@app/incidents';
import { DomainError, type Clock } from '@app/shared';
import { teamDecider, teamEvents, teamStream } from '@app/teams';
import { warehouseDecider, warehouseEvents, warehouseStream } from '@app/warehouses';

/**
 * Dispatch across aggregates (ADR 0004): links team dispatches and status reports to the incident, and when an
 * incident closes sends its teams back (`returning`) and cancels its undelivered allocations. It runs as a
 * checkpointed subscriber of the projection runner, so it sees every event at least once; each step's idempotency
 * key derives from the event that caused it, so a redelivered event appends nothing new. The allocations still open
 * per incident are its own small table, written in the same transaction as its checkpoint.
 */
/** The five events it reacts to, read through their contexts' registries (old shapes upcast, nothing else passed on). */
const reactsTo = EventRegistry.union(
  EventRegistry.union(teamEvents.only('TeamDispatched', 'TeamStatusReported'), incidentEvents.only('IncidentClosed')),
  warehouseEvents.only('StockAllocated', 'AllocationStatusChanged'),
);
type ReactsTo = typeof reactsTo extends EventRegistry<infer E> ? E : never;

export class DispatchProcessManager implements Projection<ReactsTo> {
  readonly name = 'dispatch-process';
  readonly filter = {
    kind: 'eventTypePrefix',
    prefixes: ['TeamDispatched', 'TeamStatusReported', 'IncidentClosed', 'StockAllocated', 'AllocationStatusChanged'],
  } as const;
  readonly events = reactsTo;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly snapshots?: SnapshotStore,
  ) {}

  async apply(events: readonly Recorded<ReactsTo>[], manager: EntityManager): Promise<LiveDelta[]> {
    for (const recorded of events) await this.react(recorded, manager);
    return [];
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate process_open_allocations');
  }

  private async react(event: Recorded<ReactsTo>, manager: EntityManager): Promise<void> {
    const recorded = event;
    const context = (suffix = ''): CommandContext => ({
      correlationId: recorded.metadata.correlationId,
      causationId: recorded.id,
      actorId: 'dispatch-process',
      actorName: '调度流程',
      idempotencyKey: `pm:${recorded.id}${suffix}`,
    });
    const deps = { store: this.store, clock: this.clock, ...(this.snapshots ? { snapshots: this.snapshots } : {}) };
    switch (event.type) {
      case 'TeamDispatched': {
        const teamName = await this.teamName(recorded.streamName, event.data.teamId);
        await handleCommand(deps, incidentDecider, incidentStream(event.data.incidentId), {
          type: 'AssignTeam', teamId: event.data.teamId, teamName, task: event.data.task, dispatchedAt: new Date(event.data.dispatchedAt),
        }, context());
        return;
      }
      case 'TeamStatusReported': {
        if (!event.data.incidentId) return;
        const teamName = await this.teamName(recorded.streamName, event.data.teamId);
        await handleCommand(deps, incidentDecider, incidentStream(event.data.incidentId), {
          type: 'RecordAssignedTeamStatus', teamId: event.data.teamId, teamName, status: event.data.status, at: new Date(event.data.reportedAt),
        }, context());
        return;
      }
      case 'StockAllocated':
        await manager.query(
          `insert into process_open_allocations (allocation_id, warehouse_id, incident_id) values ($1, $2, $3) on conflict do nothing`,
          [event.data.allocationId, event.data.warehouseId, event.data.incidentId],
        );
        return;
      case 'AllocationStatusChanged':
        if (event.data.status === 'delivered' || event.data.status === 'cancelled') {
          await manager.query(`delete from process_open_allocations where allocation_id = $1`, [event.data.allocationId]);
        }
        return;
      case 'IncidentClosed':
        await this.standDown(recorded, manager, deps, context);
        return;
      default:
        return;
    }
  }

  private async standDown(
    recorded: RecordedEvent,
    manager: EntityManager,
    deps: Parameters<typeof handleCommand>[0],
    context: (suffix?: string) => CommandContext,
  ): Promise<void> {
    const incident = await load(this.store, incidentDecider, recorded.streamName);
    // A drill incident's teams were dispatched on paper (simulated): closing it must not stand down a real team.
    if (incident.state.status === 'none' || incident.state.drillId) return;
    const committed = Object.entries(incident.state.assignedTeams).filter(([, s]) => s === 'dispatched' || s === 'en_route' || s === 'on_scene');
    for (const [teamId] of committed) {
      await ignoreRuleErrors(handleCommand(deps, teamDecider, teamStream(teamId), {
        type: 'ReportTeamStatus', status: 'returning', note: '事故已结案，队伍返回', now: this.clock.now(),
      }, context(`:${teamId}`)));
    }
    const open: { allocation_id: string; warehouse_id: string }[] = await manager.query(
      `select allocation_id, warehouse_id from process_open_allocations where incident_id = $1`,
      [incident.state.incidentId],
    );
    for (const allocation of open) {
      await ignoreRuleErrors(handleCommand(deps, warehouseDecider, warehouseStream(allocation.warehouse_id), {
        type: 'MoveAllocation', allocationId: allocation.allocation_id, to: 'cancelled', reason: '事故已结案，未送达的调拨自动取消', now: this.clock.now(),
      }, context(`:${allocation.allocation_id}`)));
    }
  }

  private async teamName(streamName: string, fallback: string): Promise<string> {
    const team = await load(this.store, teamDecider, streamName);
    return team.state.status === 'none' ? fallback : team.state.name;
  }
}

/** A team or allocation may already have moved on by hand (stood down, delivered); that is not a failure. */
async function ignoreRuleErrors(step: Promise<unknown>): Promise<void> {
  await step.catch((error: unknown) => {
    if (!(error instanceof DomainError)) throw error;
  });
}
