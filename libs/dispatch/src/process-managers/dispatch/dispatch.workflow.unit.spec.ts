import type { IncidentState } from '@app/incidents';
import { dispatchWorkflow, LATE_ALLOCATION_REASON, LATE_DISPATCH_REASON } from './dispatch.workflow';

const now = new Date('2026-11-22T06:00:00Z');
const teamName = '中卫市危化品专业救援队';

function closedIncident(assignedTeams: Record<string, string>, drillId: string | null = null): IncidentState {
  return { status: 'closed', incidentId: 'inc-1', drillId, assignedTeams } as unknown as IncidentState;
}

describe('dispatch workflow', () => {
  it("records a dispatch on the incident under the team's name, keyed by the event alone", () => {
    const steps = dispatchWorkflow(
      {
        type: 'TeamDispatched',
        data: { teamId: 't-1', incidentId: 'inc-1', task: '堵漏', dispatchedAt: '2026-11-22T05:50:00.000Z' },
      },
      { teamName, now },
    );
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({
      id: 'inc-1',
      command: {
        type: 'AssignTeam',
        teamId: 't-1',
        teamName: '中卫市危化品专业救援队',
        task: '堵漏',
        dispatchedAt: new Date('2026-11-22T05:50:00.000Z'),
      },
    });
    expect(steps[0]!.aggregate.category).toBe('incident');
    expect(steps[0]!.step).toBeUndefined();
    expect(steps[0]!.toleratesRuleErrors).toBeUndefined();
  });

  it('names an unknown team by its id, and ignores a status report that concerns no incident', () => {
    const report = (incidentId: string | null) => ({
      type: 'TeamStatusReported' as const,
      data: {
        teamId: 't-2',
        from: 'dispatched' as const,
        status: 'en_route' as const,
        incidentId,
        note: null,
        location: null,
        reportedAt: '2026-11-22T05:55:00.000Z',
      },
    });
    const [linked] = dispatchWorkflow(report('inc-1'), { now });
    expect(linked).toMatchObject({
      id: 'inc-1',
      command: { type: 'RecordAssignedTeamStatus', teamId: 't-2', teamName: 't-2', status: 'en_route' },
    });
    expect(dispatchWorkflow(report(null), { now })).toEqual([]);
  });

  it('on closing a real incident sends committed teams back and cancels open allocations, each step named', () => {
    const incident = closedIncident({ a: 'dispatched', b: 'en_route', c: 'on_scene', d: 'returning', e: 'available' });
    const steps = dispatchWorkflow(
      { type: 'IncidentClosed', data: { incidentId: 'inc-1', summary: '处置完毕', closedAt: now.toISOString() } },
      { incident, openAllocations: [{ allocationId: 'al-1', warehouseId: 'wh-1' }], now },
    );
    expect(steps.map((s) => [s.aggregate.category, s.id, s.step])).toEqual([
      ['team', 'a', 'a'],
      ['team', 'b', 'b'],
      ['team', 'c', 'c'],
      ['warehouse', 'wh-1', 'al-1'],
    ]);
    expect(steps.every((s) => s.toleratesRuleErrors)).toBe(true);
    expect(steps[0]!.command).toEqual({
      type: 'ReportTeamStatus',
      status: 'returning',
      note: '事故应急响应已终止，队伍返回',
      now,
    });
    expect(steps[3]!.command).toEqual({
      type: 'MoveAllocation',
      allocationId: 'al-1',
      to: 'cancelled',
      reason: '事故应急响应已终止，未送达的调拨自动取消',
      now,
    });
  });

  it('never stands down real teams for a drill incident, nor acts on an incident it cannot load', () => {
    const closed = {
      type: 'IncidentClosed' as const,
      data: { incidentId: 'inc-1', summary: '演练结束', closedAt: now.toISOString() },
    };
    const drill = closedIncident({ a: 'dispatched' }, 'drill-1');
    expect(
      dispatchWorkflow(closed, {
        incident: drill,
        openAllocations: [{ allocationId: 'al-1', warehouseId: 'wh-1' }],
        now,
      }),
    ).toEqual([]);
    expect(dispatchWorkflow(closed, { incident: { status: 'none' }, now })).toEqual([]);
  });

  describe('what reaches an incident after its close is undone (docs/domain.md rule 9)', () => {
    const dispatched = {
      type: 'TeamDispatched' as const,
      data: { teamId: 't-1', incidentId: 'inc-1', task: '堵漏', dispatchedAt: '2026-11-22T05:59:59.970Z' },
    };
    const allocated = {
      type: 'StockAllocated' as const,
      data: {
        warehouseId: 'wh-1',
        allocationId: 'al-9',
        incidentId: 'inc-1',
        items: [{ materialCode: '2010101', quantity: 3 }],
        allocatedAt: '2026-11-22T05:59:59.970Z',
      },
    };

    it('withdraws a team whose assignment the closed incident refused and notes it there, each under its own key', () => {
      const steps = dispatchWorkflow(dispatched, { teamName, assignmentRefused: true, now });
      expect(steps.map((s) => [s.aggregate.category, s.id, s.step])).toEqual([
        ['team', 't-1', 'withdraw'],
        ['incident', 'inc-1', 'record'],
      ]);
      expect(steps[0]!.command).toEqual({
        type: 'WithdrawDispatch',
        incidentId: 'inc-1',
        reason: LATE_DISPATCH_REASON,
        now,
      });
      expect(steps[1]!.command).toEqual({
        type: 'RecordLateDispatchWithdrawn',
        teamId: 't-1',
        teamName: '中卫市危化品专业救援队',
        reason: LATE_DISPATCH_REASON,
        now,
      });
      expect(LATE_DISPATCH_REASON).toBe('事故应急响应已终止，调派撤回');
    });

    it('first asks the incident to record the dispatch, whatever the board says (the incident decides)', () => {
      const [assign] = dispatchWorkflow(dispatched, { teamName, now });
      expect(assign!.aggregate.category).toBe('incident');
      expect(assign!.command).toMatchObject({ type: 'AssignTeam', teamId: 't-1' });
    });

    it('cancels an allocation stored after the close with a reason and notes it; one stored before waits for the close', () => {
      const steps = dispatchWorkflow(allocated, { closedBeforeAllocation: true, now });
      expect(steps.map((s) => [s.aggregate.category, s.id, s.step, s.toleratesRuleErrors])).toEqual([
        ['warehouse', 'wh-1', 'cancel', true],
        ['incident', 'inc-1', 'record', undefined],
      ]);
      expect(steps[0]!.command).toEqual({
        type: 'MoveAllocation',
        allocationId: 'al-9',
        to: 'cancelled',
        reason: LATE_ALLOCATION_REASON,
        now,
      });
      expect(steps[1]!.command).toEqual({
        type: 'RecordLateAllocationCancelled',
        allocationId: 'al-9',
        warehouseId: 'wh-1',
        items: [{ materialCode: '2010101', quantity: 3 }],
        reason: LATE_ALLOCATION_REASON,
        now,
      });
      expect(dispatchWorkflow(allocated, { closedBeforeAllocation: false, now })).toEqual([]);
    });
  });
});
