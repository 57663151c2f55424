import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import { JurisdictionRegistry } from '@app/shared';
import type { IncidentEvent, IncidentReported } from '../../domain/incident/incident.events';
import { incidentStream } from '../../domain/incident/incident.types';
import { incidentReported, NO_CASUALTIES } from '../../../../../test/support/incident-fixtures';
import { IncidentBoardRow } from './incident-board.entity';
import { IncidentBoardProjection } from './incident-board.projection';

const at = (minute: number) => `2026-11-23T02:${String(minute).padStart(2, '0')}:00.000Z`;
// Reported by the enterprise, with two seriously injured: the board shows both.
const reported = (incidentId: string, drillId: string | null = null): IncidentReported =>
  incidentReported(incidentId, {
    enterprise: '某化工有限公司',
    casualties: { ...NO_CASUALTIES, seriousInjuries: 2 },
    drillId,
  });
// Warehouse streams are named by the warehouse context (`warehouse-<id>`); the board reads their allocation events.
const warehouseStream = (warehouseId: string) => `warehouse-${warehouseId}`;

describe('incident board projection', () => {
  let spec: ProjectionSpec;
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: () => [new IncidentBoardProjection(new JurisdictionRegistry())],
      entities: [IncidentBoardRow],
    });
  }, 60_000); // a database of its own is created and migrated first
  afterAll(() => spec?.stop());
  const row = async (id: string) => (await spec.rows(IncidentBoardRow, { id }))[0];
  const compliance = (id: string): Promise<{ kind: string; level: string; status: string }[]> =>
    spec.dataSource.query(
      'select kind, level, status from deadline_compliance where incident_id = $1 order by due_at',
      [id],
    );

  it('a reported incident is open on the board with its first-report deadline, in the compliance table too', async () => {
    const incidentId = randomUUID();
    await spec.given(incidentStream(incidentId), [reported(incidentId)], { jurisdiction: '640571' });
    expect(await row(incidentId)).toMatchObject({
      id: incidentId,
      title: '某化工企业储罐泄漏',
      status: 'open',
      grade: 'general',
      responseLevel: null,
      jurisdiction: '640571',
      occurredAt: new Date(at(0)),
      reportedAt: new Date(at(5)),
      closedAt: null,
      drillId: null,
      assignedTeams: [],
      allocations: [],
      revision: 0,
    });
    const deadlines = (await row(incidentId))!.deadlines;
    expect(deadlines.length).toBeGreaterThan(0);
    expect(await compliance(incidentId)).toHaveLength(deadlines.length);
    expect(spec.deltas).toContainEqual(
      expect.objectContaining({ name: 'incident.changed', scope: { jurisdiction: '640571', incidentId } }),
    );
  });

  it('follows a follow-up that raises the grade, the response level, and the close', async () => {
    const incidentId = randomUUID();
    const stream = incidentStream(incidentId);
    await spec.given(stream, [reported(incidentId)]);
    const before = (await row(incidentId))!.deadlines.length;
    await spec.given(stream, [
      {
        type: 'SituationUpdated',
        data: {
          incidentId,
          updatedAt: at(10),
          casualties: { ...NO_CASUALTIES, deaths: 3 },
          directLossYuan: 5_000_000,
          description: null,
          measures: '已疏散',
        },
      },
      {
        type: 'AccidentGradeChanged',
        data: { incidentId, from: 'general', to: 'major', rose: true, changedAt: at(10) },
      },
      {
        type: 'ResponseLevelSet',
        data: { incidentId, from: null, level: 'II', reason: '研判', decidedBy: '指挥长', decidedAt: at(11) },
      },
    ]);
    const updated = (await row(incidentId))!;
    expect(updated).toMatchObject({
      grade: 'major',
      responseLevel: 'II',
      casualties: { ...NO_CASUALTIES, deaths: 3 },
      directLossYuan: 5_000_000,
      measures: '已疏散',
      description: '泄漏',
      updatedAt: new Date(at(11)),
      revision: 3,
    });
    expect(updated.deadlines.length).toBeGreaterThan(before);
    await spec.given(stream, [
      { type: 'IncidentClosed', data: { incidentId, summary: '泄漏已封堵', closedAt: at(30) } },
    ]);
    expect(await row(incidentId)).toMatchObject({
      status: 'closed',
      summary: '泄漏已封堵',
      closedAt: new Date(at(30)),
      revision: 4,
    });
    expect(await compliance(incidentId)).toHaveLength(updated.deadlines.length);
  });

  it('lists the teams assigned with their status, and when they arrived', async () => {
    const incidentId = randomUUID();
    const teamId = randomUUID();
    await spec.given(incidentStream(incidentId), [
      reported(incidentId),
      {
        type: 'TeamAssigned',
        data: { incidentId, teamId, teamName: '危化品救援队', task: '堵漏', dispatchedAt: at(12) },
      },
      {
        type: 'AssignedTeamStatusChanged',
        data: { incidentId, teamId, teamName: '危化品救援队', status: 'on_scene', at: at(20) },
      },
    ]);
    expect((await row(incidentId))!.assignedTeams).toEqual([
      {
        teamId,
        name: '危化品救援队',
        task: '堵漏',
        status: 'on_scene',
        dispatchedAt: at(12),
        arrivedAt: at(20),
        releasedAt: null,
      },
    ]);
  });

  it('joins the warehouse’s allocations for the incident without moving its revision', async () => {
    const incidentId = randomUUID();
    const warehouseId = randomUUID();
    const allocationId = randomUUID();
    await spec.given(incidentStream(incidentId), [reported(incidentId)]);
    const items = [{ materialCode: '1010101', quantity: 20 }];
    await spec.given(warehouseStream(warehouseId), [
      { type: 'StockAllocated', data: { warehouseId, allocationId, incidentId, items, allocatedAt: at(13) } },
    ]);
    expect(await row(incidentId)).toMatchObject({
      allocations: [{ allocationId, warehouseId, items, status: 'reserved', allocatedAt: at(13), updatedAt: at(13) }],
      revision: 0,
    });
    await spec.given(warehouseStream(warehouseId), [
      { type: 'AllocationStatusChanged', data: { allocationId, incidentId, status: 'delivered', at: at(40) } },
    ]);
    expect(await row(incidentId)).toMatchObject({
      allocations: [expect.objectContaining({ allocationId, status: 'delivered', updatedAt: at(40) })],
      revision: 0,
    });
  });

  it('keeps a drill incident marked with its drill, and scopes its live updates to that drill', async () => {
    const incidentId = randomUUID();
    const drillId = randomUUID();
    await spec.given(incidentStream(incidentId), [reported(incidentId, drillId)], { jurisdiction: '640571', drillId });
    expect(await row(incidentId)).toMatchObject({ drillId });
    expect(spec.deltas).toContainEqual(
      expect.objectContaining({ name: 'incident.changed', scope: { jurisdiction: '640571', incidentId, drillId } }),
    );
  });

  it('ignores an update of an incident it never saw reported', async () => {
    const incidentId = randomUUID();
    const events: IncidentEvent[] = [{ type: 'IncidentClosed', data: { incidentId, summary: 'x', closedAt: at(50) } }];
    await spec.given(incidentStream(incidentId), events);
    expect(await spec.rows(IncidentBoardRow, { id: incidentId })).toEqual([]);
  });
});
