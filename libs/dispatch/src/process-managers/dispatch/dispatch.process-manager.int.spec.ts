import { randomUUID } from 'node:crypto';
import { CommandExecutor, type CommandContext, type DeclaredAggregate, type DomainEvent } from '@app/event-sourcing';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import { incidentAggregate, incidentStream, type IncidentEvent } from '@app/incidents';
import { teamStream, type TeamEvent } from '@app/teams';
import { warehouseStream, type WarehouseEvent } from '@app/warehouses';
import { eventually } from '../../../../../test/support/eventually';
import { DispatchProcessManager } from './dispatch.process-manager';

const at = (minute: number) => `2026-11-23T02:${String(minute).padStart(2, '0')}:00.000Z`;
const none = { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 };
const reported = (incidentId: string, drillId: string | null = null): IncidentEvent => ({
  type: 'IncidentReported',
  data: {
    incidentId,
    title: '某化工企业储罐泄漏',
    category: 'hazardous_chemicals',
    occurredAt: at(0),
    receivedAt: at(1),
    location: { address: '中卫工业园区', lat: 37.52, lng: 105.18 },
    jurisdiction: '640571',
    enterprise: null,
    reporter: { name: '王强', phone: '13800000000', organization: '某化工有限公司' },
    takenBy: '值班员',
    casualties: none,
    directLossYuan: null,
    description: '泄漏',
    drillId,
    grade: 'general',
  },
});
const registered = (teamId: string): TeamEvent => ({
  type: 'TeamRegistered',
  data: {
    teamId,
    registeredAt: at(0),
    name: '危化品救援队',
    kind: 'professional',
    specialties: ['hazardous_chemicals'],
    headcount: 24,
    equipment: [],
    base: { address: '中卫工业园区', lat: 37.53, lng: 105.15 },
    jurisdiction: '640571',
    contact: { name: '李强', phone: '0955-0000002' },
  },
});
const dispatched = (teamId: string, incidentId: string): TeamEvent => ({
  type: 'TeamDispatched',
  data: { teamId, incidentId, task: '堵漏', dispatchedAt: at(2) },
});
const reportedStatus = (
  teamId: string,
  incidentId: string,
  from: 'dispatched' | 'en_route',
  status: 'en_route' | 'on_scene',
  minute: number,
): TeamEvent => ({
  type: 'TeamStatusReported',
  data: { teamId, from, status, incidentId, note: null, location: null, reportedAt: at(minute) },
});
const closed = (incidentId: string): IncidentEvent => ({
  type: 'IncidentClosed',
  data: { incidentId, summary: '处置完毕', closedAt: at(30) },
});

/**
 * The real executor, except that it closes the named incidents just before the process manager's assignment of a team
 * reaches them: the close lands between the dispatch being read and the assignment, the narrowest race there is.
 */
class ClosingFirst extends CommandExecutor {
  readonly closeBeforeAssign = new Set<string>();

  override async execute<C, E extends DomainEvent, S>(
    aggregate: DeclaredAggregate<C, E, S>,
    id: string,
    command: C,
    context: CommandContext,
  ) {
    if ((command as { type?: string }).type === 'AssignTeam' && this.closeBeforeAssign.delete(id)) {
      const commander: CommandContext = { correlationId: randomUUID(), causationId: randomUUID(), actorId: '指挥长' };
      await super.execute(
        incidentAggregate,
        id,
        { type: 'CloseIncident', summary: '险情排除', now: this.now() },
        commander,
      );
    }
    return super.execute(aggregate, id, command, context);
  }
}

describe('dispatch process manager', () => {
  let spec: ProjectionSpec;
  let executor: ClosingFirst;
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: ({ store, clock }) => [new DispatchProcessManager((executor = new ClosingFirst({ store, clock })))],
      entities: [],
    });
  }, 60_000); // a database of its own is created and migrated first
  afterAll(() => spec?.stop());
  const typesOf = async (stream: string) => (await spec.stream(stream)).map((e) => e.type);

  it('a team dispatched is assigned on the incident, under the team’s name; a redelivery assigns nothing more', async () => {
    const [incidentId, teamId] = [randomUUID(), randomUUID()];
    await spec.given(incidentStream(incidentId), [reported(incidentId)]);
    const recorded = await spec.given(teamStream(teamId), [registered(teamId), dispatched(teamId, incidentId)]);
    expect((await spec.stream(incidentStream(incidentId))).slice(1)).toEqual([
      {
        type: 'TeamAssigned',
        data: { incidentId, teamId, teamName: '危化品救援队', task: '堵漏', dispatchedAt: at(2) },
      },
    ]);
    await spec.reapply('dispatch-process', recorded);
    expect(await typesOf(incidentStream(incidentId))).toEqual(['IncidentReported', 'TeamAssigned']);
  });

  it('the statuses a dispatched team reports are recorded on its incident', async () => {
    const [incidentId, teamId] = [randomUUID(), randomUUID()];
    await spec.given(incidentStream(incidentId), [reported(incidentId)]);
    await spec.given(teamStream(teamId), [
      registered(teamId),
      dispatched(teamId, incidentId),
      reportedStatus(teamId, incidentId, 'dispatched', 'en_route', 5),
    ]);
    expect((await spec.stream(incidentStream(incidentId))).at(-1)).toEqual({
      type: 'AssignedTeamStatusChanged',
      data: { incidentId, teamId, teamName: '危化品救援队', status: 'en_route', at: at(5) },
    });
  });

  it('closing an incident sends its committed teams back and cancels its undelivered allocations, not the delivered ones', async () => {
    const [incidentId, teamId, warehouseId, open, delivered] = [
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
      randomUUID(),
    ];
    await spec.given(incidentStream(incidentId), [reported(incidentId)]);
    await spec.given(teamStream(teamId), [
      registered(teamId),
      dispatched(teamId, incidentId),
      reportedStatus(teamId, incidentId, 'dispatched', 'en_route', 5),
      reportedStatus(teamId, incidentId, 'en_route', 'on_scene', 9),
    ]);
    const items = [{ materialCode: '1010101', quantity: 5 }];
    const warehouse: WarehouseEvent[] = [
      {
        type: 'WarehouseRegistered',
        data: {
          warehouseId,
          name: '市级救灾物资储备库',
          level: 'city',
          location: { address: '中卫市', lat: 37.5, lng: 105.2 },
          jurisdiction: '640500',
          reserveKind: 'physical',
          registeredAt: at(0),
        },
      },
      {
        type: 'StockReceived',
        data: {
          warehouseId,
          receiptId: randomUUID(),
          items: [{ materialCode: '1010101', quantity: 50, batch: null, expiresAt: null }],
          receivedAt: at(0),
        },
      },
      { type: 'StockAllocated', data: { warehouseId, allocationId: open, incidentId, items, allocatedAt: at(10) } },
      {
        type: 'StockAllocated',
        data: { warehouseId, allocationId: delivered, incidentId, items, allocatedAt: at(11) },
      },
      {
        type: 'AllocationStatusChanged',
        data: {
          warehouseId,
          allocationId: delivered,
          incidentId,
          from: 'reserved',
          status: 'delivered',
          reason: null,
          at: at(20),
        },
      },
    ];
    await spec.given(warehouseStream(warehouseId), warehouse);
    await spec.given(incidentStream(incidentId), [closed(incidentId)]);
    expect((await spec.stream(teamStream(teamId))).at(-1)).toEqual({
      type: 'TeamStatusReported',
      data: expect.objectContaining({
        teamId,
        from: 'on_scene',
        status: 'returning',
        incidentId,
        note: '事故应急响应已终止，队伍返回',
        reportedAt: spec.clock.now().toISOString(),
      }),
    });
    expect((await spec.stream(warehouseStream(warehouseId))).slice(warehouse.length)).toEqual([
      {
        type: 'AllocationStatusChanged',
        data: expect.objectContaining({
          allocationId: open,
          from: 'reserved',
          status: 'cancelled',
          reason: '事故应急响应已终止，未送达的调拨自动取消',
        }),
      },
    ]);
    // The team's `returning` comes back to the process manager and is recorded on the (closed) incident.
    const last = await eventually(async () => {
      const events = await spec.stream(incidentStream(incidentId));
      return events.at(-1)?.type === 'AssignedTeamStatusChanged' ? events.at(-1) : undefined;
    });
    expect(last).toMatchObject({ data: { teamId, status: 'returning' } });
  });

  it('closing a drill incident stands down no real team', async () => {
    const [incidentId, teamId, drillId] = [randomUUID(), randomUUID(), randomUUID()];
    await spec.given(incidentStream(incidentId), [reported(incidentId, drillId)], { drillId });
    await spec.given(teamStream(teamId), [registered(teamId), dispatched(teamId, incidentId)]);
    await spec.given(incidentStream(incidentId), [closed(incidentId)], { drillId });
    expect(await typesOf(teamStream(teamId))).toEqual(['TeamRegistered', 'TeamDispatched']);
  });

  describe('what reaches an incident after its close is undone (docs/domain.md rule 9)', () => {
    const warehouseWithStock = (warehouseId: string): WarehouseEvent[] => [
      {
        type: 'WarehouseRegistered',
        data: {
          warehouseId,
          name: '县级救灾物资储备库',
          level: 'county',
          location: { address: '中宁县', lat: 37.49, lng: 105.68 },
          jurisdiction: '640521',
          reserveKind: 'physical',
          registeredAt: at(0),
        },
      },
      {
        type: 'StockReceived',
        data: {
          warehouseId,
          receiptId: randomUUID(),
          items: [{ materialCode: '1010101', quantity: 40, batch: null, expiresAt: null }],
          receivedAt: at(0),
        },
      },
    ];

    it('a dispatch stored after the close is never assigned: the team is withdrawn, saying why, once', async () => {
      const [incidentId, teamId] = [randomUUID(), randomUUID()];
      await spec.given(incidentStream(incidentId), [reported(incidentId), closed(incidentId)]);
      const recorded = await spec.given(teamStream(teamId), [registered(teamId), dispatched(teamId, incidentId)]);
      // Never assigned; the incident's record notes the withdrawal instead.
      expect((await spec.stream(incidentStream(incidentId))).slice(2)).toEqual([
        {
          type: 'LateDispatchWithdrawn',
          data: {
            incidentId,
            teamId,
            teamName: '危化品救援队',
            reason: '事故应急响应已终止，调派撤回',
            withdrawnAt: spec.clock.now().toISOString(),
          },
        },
      ]);
      expect((await spec.stream(teamStream(teamId))).at(-1)).toEqual({
        type: 'TeamDispatchWithdrawn',
        data: {
          teamId,
          incidentId,
          from: 'dispatched',
          status: 'available',
          reason: '事故应急响应已终止，调派撤回',
          at: spec.clock.now().toISOString(),
        },
      });
      await spec.reapply('dispatch-process', recorded);
      expect(await typesOf(teamStream(teamId))).toEqual(['TeamRegistered', 'TeamDispatched', 'TeamDispatchWithdrawn']);
      expect(await typesOf(incidentStream(incidentId))).toEqual([
        'IncidentReported',
        'IncidentClosed',
        'LateDispatchWithdrawn',
      ]);
    });

    it('an incident closed just before the assignment reaches it refuses the team, and the team is withdrawn', async () => {
      const [incidentId, teamId] = [randomUUID(), randomUUID()];
      await spec.given(incidentStream(incidentId), [reported(incidentId)]);
      executor.closeBeforeAssign.add(incidentId);
      await spec.given(teamStream(teamId), [registered(teamId), dispatched(teamId, incidentId)]);
      expect(executor.closeBeforeAssign.has(incidentId)).toBe(false); // the close did happen in between
      expect(await typesOf(incidentStream(incidentId))).toEqual([
        'IncidentReported',
        'IncidentClosed',
        'LateDispatchWithdrawn',
      ]);
      expect((await spec.stream(teamStream(teamId))).at(-1)).toMatchObject({
        type: 'TeamDispatchWithdrawn',
        data: { incidentId, status: 'available', reason: '事故应急响应已终止，调派撤回' },
      });
    });

    it('an allocation stored after the close is cancelled with its reason; one stored before it is cancelled by the close', async () => {
      const [incidentId, warehouseId, before, after] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const items = [{ materialCode: '1010101', quantity: 5 }];
      await spec.given(incidentStream(incidentId), [reported(incidentId)]);
      const stock = warehouseWithStock(warehouseId);
      await spec.given(warehouseStream(warehouseId), [
        ...stock,
        { type: 'StockAllocated', data: { warehouseId, allocationId: before, incidentId, items, allocatedAt: at(10) } },
      ]);
      await spec.given(incidentStream(incidentId), [closed(incidentId)]);
      const late = await spec.given(warehouseStream(warehouseId), [
        { type: 'StockAllocated', data: { warehouseId, allocationId: after, incidentId, items, allocatedAt: at(31) } },
      ]);
      const moves = (await spec.stream(warehouseStream(warehouseId))).filter(
        (e) => e.type === 'AllocationStatusChanged',
      );
      expect(moves).toEqual([
        {
          type: 'AllocationStatusChanged',
          data: expect.objectContaining({
            allocationId: before,
            status: 'cancelled',
            reason: '事故应急响应已终止，未送达的调拨自动取消',
          }),
        },
        {
          type: 'AllocationStatusChanged',
          data: expect.objectContaining({
            allocationId: after,
            from: 'reserved',
            status: 'cancelled',
            reason: '事故应急响应已终止，调拨撤回，预留库存释放',
          }),
        },
      ]);
      expect((await spec.stream(incidentStream(incidentId))).at(-1)).toEqual({
        type: 'LateAllocationCancelled',
        data: expect.objectContaining({
          allocationId: after,
          warehouseId,
          items,
          reason: '事故应急响应已终止，调拨撤回，预留库存释放',
        }),
      });
      await spec.reapply('dispatch-process', late);
      expect((await spec.stream(warehouseStream(warehouseId))).length).toBe(stock.length + 4);
      expect(await typesOf(incidentStream(incidentId))).toEqual([
        'IncidentReported',
        'IncidentClosed',
        'LateAllocationCancelled',
      ]);
    });
    it('a redelivery or rebuild after the close decides as the first time: nothing stored before the close is undone twice', async () => {
      const [incidentId, teamId, warehouseId, allocationId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      const items = [{ materialCode: '1010101', quantity: 4 }];
      await spec.given(incidentStream(incidentId), [reported(incidentId)]);
      const dispatch = await spec.given(teamStream(teamId), [registered(teamId), dispatched(teamId, incidentId)]);
      const stock = warehouseWithStock(warehouseId);
      const allocation = await spec.given(warehouseStream(warehouseId), [
        ...stock,
        { type: 'StockAllocated', data: { warehouseId, allocationId, incidentId, items, allocatedAt: at(10) } },
      ]);
      await spec.given(incidentStream(incidentId), [closed(incidentId)]);
      // The team's `returning` comes back to the process and is recorded on the incident: wait for it first.
      const incidentBefore = await eventually(async () => {
        const types = await typesOf(incidentStream(incidentId));
        return types.at(-1) === 'AssignedTeamStatusChanged' ? types : undefined;
      });
      const teamBefore = await typesOf(teamStream(teamId));
      const warehouseBefore = await typesOf(warehouseStream(warehouseId));
      expect(incidentBefore).toEqual([
        'IncidentReported',
        'TeamAssigned',
        'IncidentClosed',
        'AssignedTeamStatusChanged',
      ]);
      expect(teamBefore.at(-1)).toBe('TeamStatusReported'); // sent back by the close
      expect(warehouseBefore.at(-1)).toBe('AllocationStatusChanged'); // cancelled by the close
      // The dispatch and the allocation handed over again, now that the incident is closed.
      await spec.reapply('dispatch-process', [dispatch.at(-1)!, allocation.at(-1)!]);
      expect(await typesOf(incidentStream(incidentId))).toEqual(incidentBefore);
      expect(await typesOf(teamStream(teamId))).toEqual(teamBefore);
      expect(await typesOf(warehouseStream(warehouseId))).toEqual(warehouseBefore);
    });
  });
});
