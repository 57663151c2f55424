import { randomUUID } from 'node:crypto';
import {
  CommandExecutor,
  type CommandContext,
  type DeclaredAggregate,
  type DomainEvent,
  type ProcessStep,
} from '@app/event-sourcing';
import { seatedUpTo } from '@app/event-sourcing/projections';
import { ProjectionSpec, seededRandom } from '@app/event-sourcing/testing/projections';
import { isAfter, type EventStore, type RecordedEvent } from '@app/event-store';
import { incidentAggregate, incidentStream, type IncidentEvent } from '@app/incidents';
import { teamStream, type TeamEvent } from '@app/teams';
import { warehouseStream, type WarehouseEvent } from '@app/warehouses';
import { DispatchProcessManager } from './dispatch.process-manager';
import { dispatchWorkflow, type DispatchCause, type DispatchFacts, type OpenAllocation } from './dispatch.workflow';

/** What the process decided: which command, on which aggregate, under which idempotency key. */
interface Decision {
  category: string;
  id: string;
  command: unknown;
  key: string | undefined;
}

/** Records the process's commands instead of running them: the history stays the generated one. */
class RecordingExecutor extends CommandExecutor {
  readonly decisions: Decision[] = [];

  override execute<C, E extends DomainEvent, S>(
    aggregate: DeclaredAggregate<C, E, S>,
    id: string,
    command: C,
    context: CommandContext,
  ) {
    this.decisions.push({ category: aggregate.category, id, command, key: context.idempotencyKey });
    return Promise.resolve({ id } as Awaited<ReturnType<CommandExecutor['execute']>> as never);
  }
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 2, 0) + minute * 60_000).toISOString();
const none = { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 };
const items = [{ materialCode: '1010101', quantity: 5 }];

type Appended = { stream: string; event: DomainEvent };

/**
 * A history of teams dispatched, reporting, renamed; incidents (some of drills) reported and closed; allocations made
 * to open and to closed incidents, delivered or cancelled, interleaved at random.
 */
function generateHistory(operations: number, seed: number): Appended[] {
  const pick = seededRandom(seed);
  const choose = <T>(list: readonly T[]): T | undefined => list[Math.floor(pick() * list.length)];
  const out: Appended[] = [];
  const teams = Array.from({ length: 5 }, () => randomUUID());
  const teamState = new Map<string, { status: string; incidentId: string | null }>();
  const incidents: { id: string; open: boolean }[] = [];
  const allocations: { id: string; warehouseId: string; incidentId: string }[] = [];
  const warehouses = [randomUUID(), randomUUID()];
  for (const [i, teamId] of teams.entries()) {
    teamState.set(teamId, { status: 'available', incidentId: null });
    const event: TeamEvent = {
      type: 'TeamRegistered',
      data: {
        teamId,
        registeredAt: at(0),
        name: `救援队${i}`,
        kind: 'professional',
        specialties: ['hazardous_chemicals'],
        headcount: 24,
        equipment: [],
        base: { address: '中卫工业园区', lat: 37.53, lng: 105.15 },
        jurisdiction: '640571',
        contact: { name: '李强', phone: '0955-0000002' },
      },
    };
    out.push({ stream: teamStream(teamId), event });
  }
  const report = (minute: number) => {
    const incidentId = randomUUID();
    incidents.push({ id: incidentId, open: true });
    const event: IncidentEvent = {
      type: 'IncidentReported',
      data: {
        incidentId,
        title: '某化工企业储罐泄漏',
        category: 'hazardous_chemicals',
        occurredAt: at(minute),
        receivedAt: at(minute),
        location: { address: '中卫工业园区', lat: 37.52, lng: 105.18 },
        jurisdiction: '640571',
        enterprise: null,
        reporter: { name: '王强', phone: '13800000000', organization: '某化工有限公司' },
        takenBy: '值班员',
        casualties: none,
        directLossYuan: null,
        description: '泄漏',
        drillId: pick() < 0.2 ? randomUUID() : null,
        grade: 'general',
      },
    };
    out.push({ stream: incidentStream(incidentId), event });
  };
  report(1);
  report(1);
  for (let minute = 2; minute < operations + 2; minute++) {
    const roll = pick();
    const open = incidents.filter((i) => i.open);
    if (roll < 0.1) report(minute);
    else if (roll < 0.3) {
      const free = teams.filter((t) => teamState.get(t)!.status === 'available');
      const [teamId, incident] = [choose(free), choose(open)];
      if (!teamId || !incident) continue;
      teamState.set(teamId, { status: 'dispatched', incidentId: incident.id });
      const dispatched: TeamEvent = {
        type: 'TeamDispatched',
        data: { teamId, incidentId: incident.id, task: '堵漏', dispatchedAt: at(minute) },
      };
      out.push({ stream: teamStream(teamId), event: dispatched });
      // As the process itself would have recorded it: the close then finds the team committed.
      const assigned: IncidentEvent = {
        type: 'TeamAssigned',
        data: { incidentId: incident.id, teamId, teamName: teamId, task: '堵漏', dispatchedAt: at(minute) },
      };
      out.push({ stream: incidentStream(incident.id), event: assigned });
    } else if (roll < 0.55) {
      const teamId = choose(teams)!;
      const state = teamState.get(teamId)!;
      const next: Record<string, string> = {
        dispatched: 'en_route',
        en_route: 'on_scene',
        on_scene: 'returning',
        returning: 'available',
        available: 'available',
      };
      const status = next[state.status]!;
      const incidentId = status === 'available' ? null : state.incidentId;
      const event = {
        type: 'TeamStatusReported',
        data: { teamId, from: state.status, status, incidentId, note: null, location: null, reportedAt: at(minute) },
      } as TeamEvent;
      teamState.set(teamId, { status, incidentId });
      out.push({ stream: teamStream(teamId), event });
    } else if (roll < 0.62) {
      const teamId = choose(teams)!;
      const event: TeamEvent = {
        type: 'TeamProfileUpdated',
        data: { teamId, updatedAt: at(minute), name: `救援队-${minute}` },
      };
      out.push({ stream: teamStream(teamId), event });
    } else if (roll < 0.72) {
      const incident = choose(open);
      if (!incident) continue;
      incident.open = false;
      const event: IncidentEvent = {
        type: 'IncidentClosed',
        data: { incidentId: incident.id, summary: '处置完毕', closedAt: at(minute) },
      };
      out.push({ stream: incidentStream(incident.id), event });
    } else if (roll < 0.88) {
      const incident = choose(incidents)!;
      const allocation = { id: randomUUID(), warehouseId: choose(warehouses)!, incidentId: incident.id };
      allocations.push(allocation);
      const event: WarehouseEvent = {
        type: 'StockAllocated',
        data: {
          warehouseId: allocation.warehouseId,
          allocationId: allocation.id,
          incidentId: incident.id,
          items,
          allocatedAt: at(minute),
        },
      };
      out.push({ stream: warehouseStream(allocation.warehouseId), event });
    } else {
      const allocation = allocations.splice(Math.floor(pick() * allocations.length), 1)[0];
      if (!allocation) continue;
      const event: WarehouseEvent = {
        type: 'AllocationStatusChanged',
        data: {
          warehouseId: allocation.warehouseId,
          allocationId: allocation.id,
          incidentId: allocation.incidentId,
          from: 'reserved',
          status: pick() < 0.5 ? 'delivered' : 'cancelled',
          reason: null,
          at: at(minute),
        },
      };
      out.push({ stream: warehouseStream(allocation.warehouseId), event });
    }
  }
  return out;
}

/**
 * The decisions the process should reach, each from the streams themselves as they stood at the causing event: the
 * team's name from its stream up to there, the incident's close from its stream's order, the allocations open at the
 * close from the warehouses' streams up to it.
 */
async function decisionsFromStreams(store: EventStore, log: readonly RecordedEvent[], now: Date): Promise<Decision[]> {
  const loader = new CommandExecutor({ store, clock: { now: () => now } });
  const before = (a: RecordedEvent, b: RecordedEvent) => isAfter(b.position, a.position);
  const data = (e: RecordedEvent) => e.data as Record<string, string>;
  const decisions: Decision[] = [];
  for (const event of log) {
    let facts: DispatchFacts;
    const cause = event as unknown as RecordedEvent & DispatchCause;
    switch (cause.type) {
      case 'TeamDispatched':
      case 'TeamStatusReported': {
        const named = (await store.readStream(teamStream(cause.data.teamId)))
          .filter((e) => !isAfter(e.position, event.position))
          .map((e) => (e.data as { name?: string }).name)
          .filter((name): name is string => name !== undefined);
        facts = { teamName: named.at(-1), now };
        break;
      }
      case 'StockAllocated': {
        const close = (await store.readStream(incidentStream(cause.data.incidentId))).find(
          (e) => e.type === 'IncidentClosed',
        );
        facts = { closedBeforeAllocation: close !== undefined && before(close, event), now };
        break;
      }
      case 'IncidentClosed': {
        const incident = (await loader.load(incidentAggregate, cause.data.incidentId)).state;
        const allocated = log.filter(
          (e) => e.type === 'StockAllocated' && before(e, event) && data(e).incidentId === cause.data.incidentId,
        );
        const settled = new Set(
          log
            .filter(
              (e) =>
                e.type === 'AllocationStatusChanged' &&
                before(e, event) &&
                ['delivered', 'cancelled'].includes(data(e).status!),
            )
            .map((e) => data(e).allocationId!),
        );
        const openAllocations: OpenAllocation[] = allocated
          .map((e) => ({ allocationId: data(e).allocationId!, warehouseId: data(e).warehouseId! }))
          .filter((a) => !settled.has(a.allocationId))
          .sort((a, b) => a.allocationId.localeCompare(b.allocationId));
        facts = incident.status === 'none' || incident.drillId ? { incident, now } : { incident, openAllocations, now };
        break;
      }
      default:
        continue;
    }
    decisions.push(...dispatchWorkflow(cause, facts).map((step) => decisionOf(cause, step)));
  }
  return decisions;
}

function decisionOf(cause: RecordedEvent, step: ProcessStep): Decision {
  return {
    category: step.aggregate.category,
    id: step.id,
    command: step.command,
    key: `pm:${cause.id}${step.step ? `:${step.step}` : ''}`,
  };
}

async function appendAll(spec: ProjectionSpec, history: readonly Appended[]): Promise<void> {
  for (const { stream, event } of history) await spec.given(stream, [event]);
}

describe('dispatch process manager over a generated history', () => {
  let spec: ProjectionSpec;
  let recorder: RecordingExecutor;
  let processManager: DispatchProcessManager;
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: ({ store, clock }) => [
        (processManager = new DispatchProcessManager((recorder = new RecordingExecutor({ store, clock })))),
      ],
      entities: [],
    });
  }, 60_000); // a database of its own is created and migrated first
  afterAll(() => spec?.stop());

  it('reaches from its own tables the decisions the streams give, in store order, and a seating rebuilds its tables without one command', async () => {
    await appendAll(spec, generateHistory(220, 24));
    const log = await spec.store.readAll({ maxCount: 10_000 });
    const expected = await decisionsFromStreams(spec.store, log, spec.clock.now());
    // The history exercises every kind of decision, or the comparison proves little.
    const commands = new Set(expected.map((d) => (d.command as { type: string }).type));
    expect([...commands].sort()).toEqual(
      expect.arrayContaining(['AssignTeam', 'MoveAllocation', 'RecordAssignedTeamStatus', 'ReportTeamStatus']),
    );
    expect(recorder.decisions).toEqual(expected);

    // Seating (a rebuild or a restore up to what it had handled): the same tables, and no command issued.
    const tables = () =>
      spec.dataSource.query(`
        select 'team' as kind, team_id as id, name as detail from process_dispatch_teams
        union all select 'closed', incident_id, close_commit || '/' || close_prepare from process_dispatch_closed_incidents
        union all select 'open', allocation_id::text, incident_id::text from process_open_allocations
        order by 1, 2`);
    const live = await tables();
    expect(live.length).toBeGreaterThan(0);
    const issued = recorder.decisions.length;
    const seated = seatedUpTo(processManager, log.at(-1)!.position);
    await spec.dataSource.transaction(async (manager) => {
      await seated.reset(manager);
      await seated.apply(seated.events.readAll(log), manager);
    });
    expect(await tables()).toEqual(live);
    expect(recorder.decisions).toHaveLength(issued);
  });
});

describe('dispatch process manager store reads', () => {
  let spec: ProjectionSpec;
  const reads: string[] = [];
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: ({ store, clock }) => {
        // The executor's store counts the streams read: what the process loads to decide, and what its commands load.
        const counting = new Proxy(store, {
          get(target, property) {
            if (property === 'readStream')
              return (name: string, options?: Parameters<EventStore['readStream']>[1]) => {
                reads.push(name);
                return target.readStream(name, options);
              };
            const value: unknown = Reflect.get(target, property, target);
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
        });
        return [new DispatchProcessManager(new CommandExecutor({ store: counting, clock }))];
      },
      entities: [],
    });
  }, 60_000);
  afterAll(() => spec?.stop());

  it('reads no team stream for a team event, however long the team’s history; a renamed team is recorded by its new name', async () => {
    const [incidentId, teamId] = [randomUUID(), randomUUID()];
    const history = generateHistory(0, 1).slice(0, 1); // one registered team
    const registered = history[0]!.event as Extract<TeamEvent, { type: 'TeamRegistered' }>;
    await spec.given(teamStream(teamId), [{ type: 'TeamRegistered', data: { ...registered.data, teamId } }]);
    await spec.given(incidentStream(incidentId), [
      {
        type: 'IncidentReported',
        data: {
          incidentId,
          title: '某化工企业储罐泄漏',
          category: 'hazardous_chemicals',
          occurredAt: at(0),
          receivedAt: at(0),
          location: { address: '中卫工业园区', lat: 37.52, lng: 105.18 },
          jurisdiction: '640571',
          enterprise: null,
          reporter: { name: '王强', phone: '13800000000', organization: '某化工有限公司' },
          takenBy: '值班员',
          casualties: none,
          directLossYuan: null,
          description: '泄漏',
          drillId: null,
          grade: 'general',
        },
      } satisfies IncidentEvent,
    ]);
    const teamEvents: TeamEvent[] = [
      { type: 'TeamDispatched', data: { teamId, incidentId, task: '堵漏', dispatchedAt: at(1) } },
    ];
    for (let i = 0; i < 60; i++) {
      const [from, status] = i % 2 === 0 ? (['dispatched', 'en_route'] as const) : (['en_route', 'on_scene'] as const);
      teamEvents.push({
        type: 'TeamStatusReported',
        data: { teamId, from, status, incidentId, note: null, location: null, reportedAt: at(2 + i) },
      });
    }
    teamEvents.push({ type: 'TeamProfileUpdated', data: { teamId, updatedAt: at(70), name: '更名后的救援队' } });
    teamEvents.push({
      type: 'TeamStatusReported',
      data: {
        teamId,
        from: 'on_scene',
        status: 'returning',
        incidentId,
        note: null,
        location: null,
        reportedAt: at(71),
      },
    });
    reads.length = 0;
    await spec.given(teamStream(teamId), teamEvents);
    expect(reads.filter((name) => name === teamStream(teamId))).toEqual([]);
    // It did act on every team event: the assignment and each of the 61 reports are on the incident.
    const recorded = (await spec.stream(incidentStream(incidentId))).filter((e) =>
      ['TeamAssigned', 'AssignedTeamStatusChanged'].includes(e.type),
    );
    expect(recorded).toHaveLength(62);
    expect(recorded.at(-1)!.data).toMatchObject({ teamId, teamName: '更名后的救援队', status: 'returning' });
  });
});
