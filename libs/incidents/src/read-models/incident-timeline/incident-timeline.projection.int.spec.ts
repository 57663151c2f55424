import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import { incidentReported } from '../../../../../test/support/incident-fixtures';
import { incidentStream } from '../../domain/incident/incident.types';
import { IncidentTimelineRow } from './incident-timeline.entity';
import { IncidentTimelineProjection } from './incident-timeline.projection';

const at = (minute: number) => `2026-11-23T02:${String(minute).padStart(2, '0')}:00.000Z`;

describe('incident timeline projection', () => {
  let spec: ProjectionSpec;
  beforeAll(async () => {
    spec = await ProjectionSpec.start({
      projections: () => [new IncidentTimelineProjection()],
      entities: [IncidentTimelineRow],
    });
  }, 60_000); // a database of its own is created and migrated first
  afterAll(() => spec?.stop());
  const lines = async (incidentId: string) =>
    (await spec.rows(IncidentTimelineRow, { incidentId })).sort((a, b) => a.revision - b.revision);

  it('writes one line per event, in stream order, with its summary and actor', async () => {
    const incidentId = randomUUID();
    await spec.given(incidentStream(incidentId), [incidentReported(incidentId)], { jurisdiction: '640571' });
    await spec.given(incidentStream(incidentId), [
      { type: 'IncidentClosed', data: { incidentId, summary: '泄漏已封堵', closedAt: at(30) } },
    ]);
    const timeline = await lines(incidentId);
    expect(timeline.map((l) => [l.revision, l.type, l.actor, l.drillId])).toEqual([
      [0, 'IncidentReported', 'projection-spec', null],
      [1, 'IncidentClosed', 'projection-spec', null],
    ]);
    expect(timeline[0]!.summary).toContain('接报：某化工企业储罐泄漏');
    expect(timeline[1]!.summary).toBe('结案：泄漏已封堵');
    expect(spec.deltas).toContainEqual(
      expect.objectContaining({ name: 'timeline.appended', scope: { jurisdiction: '640571', incidentId } }),
    );
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
