import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import type { ActorDirectory } from '@app/shared';
import { incidentReported } from '../../../../../test/support/incident-fixtures';
import { incidentStream } from '../../domain/incident/incident.types';
import { IncidentTimelineRow } from './incident-timeline.entity';
import { IncidentTimelineProjection } from './incident-timeline.projection';

const at = (minute: number) => `2026-11-23T02:${String(minute).padStart(2, '0')}:00.000Z`;

/** The people the spec's directory knows; anyone else is named as recorded with the event. */
const commanderId = randomUUID();
const dutyId = randomUUID();
const directory: ActorDirectory = {
  displayNames: async (ids) =>
    new Map(
      ids.flatMap((id): [string, string][] =>
        id === commanderId ? [[id, '李指挥长']] : id === dutyId ? [[id, '王值班员']] : [],
      ),
    ),
};
const asCommander = { actorId: commanderId, actorName: 'commander', actorRoles: ['commander'] };

describe('incident timeline projection', () => {
  let spec: ProjectionSpec;
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: () => [new IncidentTimelineProjection(directory)],
      entities: [IncidentTimelineRow],
    });
  }, 60_000); // a database of its own is created and migrated first
  afterAll(() => spec?.stop());
  const lines = async (incidentId: string) =>
    (await spec.rows(IncidentTimelineRow, { incidentId })).sort((a, b) => a.line - b.line);

  it('writes one line per event, in log order, with its summary; a system actor is named as such', async () => {
    const incidentId = randomUUID();
    await spec.given(incidentStream(incidentId), [incidentReported(incidentId)], { jurisdiction: '640571' });
    await spec.given(incidentStream(incidentId), [
      { type: 'IncidentClosed', data: { incidentId, summary: '泄漏已封堵', closedAt: at(30) } },
    ]);
    const timeline = await lines(incidentId);
    expect(timeline.map((l) => [l.revision, l.type, l.actor, l.actorKind, l.drillId])).toEqual([
      [0, 'IncidentReported', 'projection-spec', 'system', null],
      [1, 'IncidentClosed', 'projection-spec', 'system', null],
    ]);
    expect(timeline[0]!.summary).toContain('接报：某化工企业储罐泄漏');
    expect(timeline[1]!.summary).toBe('响应终止（终报）：泄漏已封堵');
    // The close's metadata names no jurisdiction: the line keeps the incident's.
    expect(timeline.map((l) => [l.line, l.jurisdiction])).toEqual([
      [0, '640571'],
      [1, '640571'],
    ]);
    expect(spec.deltas).toContainEqual(
      expect.objectContaining({ name: 'timeline.appended', scope: { jurisdiction: '640571', incidentId } }),
    );
  });

  it('names a person by display name, and the person a process acted for, with the process as `via`', async () => {
    const incidentId = randomUUID();
    await spec.given(incidentStream(incidentId), [incidentReported(incidentId)], {
      jurisdiction: '640571',
      actorId: dutyId,
      actorName: 'duty',
      actorRoles: ['duty_officer'],
    });
    await spec.given(
      incidentStream(incidentId),
      [
        {
          type: 'TeamAssigned',
          data: { incidentId, teamId: randomUUID(), teamName: '危化救援队', task: null, dispatchedAt: at(10) },
        },
      ],
      { actorId: 'dispatch-process', actorName: '调度流程', onBehalfOfId: commanderId, onBehalfOfName: 'commander' },
    );
    const [intake, assigned] = await lines(incidentId);
    expect(intake).toMatchObject({ actor: '王值班员', actorId: dutyId, actorKind: 'person', via: null });
    expect(assigned).toMatchObject({ actor: '李指挥长', actorId: commanderId, actorKind: 'person', via: '调度流程' });
    const delta = spec.deltas.find(
      (d) =>
        d.name === 'timeline.appended' &&
        (d.data as { type: string; incidentId: string }).incidentId === incidentId &&
        (d.data as { type: string }).type === 'TeamAssigned',
    );
    expect(delta?.data).toMatchObject({ actor: '李指挥长', actorKind: 'person', via: '调度流程', source: 'incident' });
  });

  it('adds the warehouse’s allocation to the incident and each of its steps, scoped to the incident’s jurisdiction', async () => {
    const incidentId = randomUUID();
    const warehouseId = randomUUID();
    const allocationId = randomUUID();
    await spec.given(incidentStream(incidentId), [incidentReported(incidentId, { jurisdiction: '640521' })], {
      jurisdiction: '640521',
    });
    // The warehouse is the city's: its events carry the city's jurisdiction, the line the incident's county.
    await spec.given(
      `warehouse-${warehouseId}`,
      [
        {
          type: 'StockReceived',
          data: {
            warehouseId,
            receiptId: randomUUID(),
            items: [{ materialCode: '1010101', quantity: 9 }],
            receivedAt: at(1),
          },
        },
        {
          type: 'StockAllocated',
          data: {
            warehouseId,
            allocationId,
            incidentId,
            items: [{ materialCode: '1010101', quantity: 4 }],
            allocatedAt: at(2),
          },
        },
        {
          type: 'AllocationStatusChanged',
          data: {
            warehouseId,
            allocationId,
            incidentId,
            from: 'reserved',
            status: 'delivered',
            reason: null,
            at: at(3),
          },
        },
      ],
      { jurisdiction: '640500', ...asCommander },
    );
    const timeline = await lines(incidentId);
    expect(timeline.map((l) => [l.type, l.source, l.actor, l.jurisdiction])).toEqual([
      ['IncidentReported', 'incident', 'projection-spec', '640521'],
      ['StockAllocated', 'warehouse', '李指挥长', '640521'],
      ['AllocationStatusChanged', 'warehouse', '李指挥长', '640521'],
    ]);
    expect(timeline[1]!.summary).toContain('棉帐篷 4 顶');
    expect(timeline[2]!.summary).toContain('已送达');
    const scopes = spec.deltas
      .filter((d) => (d.data as { incidentId?: string }).incidentId === incidentId)
      .map((d) => d.scope.jurisdiction);
    expect(scopes).toEqual(['640521', '640521', '640521']);
  });

  it('marks the lines of a drill incident with the drill', async () => {
    const incidentId = randomUUID();
    const drillId = randomUUID();
    await spec.given(incidentStream(incidentId), [incidentReported(incidentId, { drillId })], {
      jurisdiction: '640571',
      drillId,
    });
    expect(await lines(incidentId)).toEqual([expect.objectContaining({ drillId })]);
    expect(spec.deltas).toContainEqual(
      expect.objectContaining({ name: 'timeline.appended', scope: { jurisdiction: '640571', incidentId, drillId } }),
    );
  });

  it('cannot duplicate a line: an event handed to it again is refused and the timeline stays as it was', async () => {
    const incidentId = randomUUID();
    const recorded = await spec.given(incidentStream(incidentId), [incidentReported(incidentId)]);
    await expect(spec.reapply('incident-timeline', recorded)).rejects.toThrow(/duplicate key/);
    expect(await lines(incidentId)).toHaveLength(1);
  });
});
