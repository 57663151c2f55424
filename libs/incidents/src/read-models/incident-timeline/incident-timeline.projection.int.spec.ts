import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import type { IncidentEvent } from '../../domain/incident/incident.events';
import { incidentStream } from '../../domain/incident/incident.types';
import { IncidentTimelineRow } from './incident-timeline.entity';
import { IncidentTimelineProjection } from './incident-timeline.projection';

const at = (minute: number) => `2026-11-23T02:${String(minute).padStart(2, '0')}:00.000Z`;
const none = { deaths: 0, missing: 0, seriousInjuries: 0, minorInjuries: 0, trapped: 0 };
const reported = (incidentId: string, drillId: string | null = null): IncidentEvent => ({
  type: 'IncidentReported',
  data: {
    incidentId,
    title: '某化工企业储罐泄漏',
    category: 'hazardous_chemicals',
    occurredAt: at(0),
    receivedAt: at(5),
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
    await spec.given(incidentStream(incidentId), [reported(incidentId)], { jurisdiction: '640571' });
    await spec.given(incidentStream(incidentId), [
      { type: 'IncidentClosed', data: { incidentId, summary: '泄漏已封堵', closedAt: at(30) } },
    ]);
    const timeline = await lines(incidentId);
    expect(timeline.map((l) => [l.revision, l.type, l.actor, l.drillId])).toEqual([
      [0, 'IncidentReported', 'projection-spec', null],
      [1, 'IncidentClosed', 'projection-spec', null],
    ]);
    expect(timeline[0]!.summary).toContain('接报：某化工企业储罐泄漏');
    expect(timeline[1]!.summary).toBe('响应终止（终报）：泄漏已封堵');
    expect(spec.deltas).toContainEqual(
      expect.objectContaining({ name: 'timeline.appended', scope: { jurisdiction: '640571', incidentId } }),
    );
  });

  it('marks the lines of a drill incident with the drill', async () => {
    const incidentId = randomUUID();
    const drillId = randomUUID();
    await spec.given(incidentStream(incidentId), [reported(incidentId, drillId)], { jurisdiction: '640571', drillId });
    expect(await lines(incidentId)).toEqual([expect.objectContaining({ drillId })]);
    expect(spec.deltas).toContainEqual(
      expect.objectContaining({ name: 'timeline.appended', scope: { jurisdiction: '640571', incidentId, drillId } }),
    );
  });

  it('cannot duplicate a line: an event handed to it again is refused and the timeline stays as it was', async () => {
    const incidentId = randomUUID();
    const recorded = await spec.given(incidentStream(incidentId), [reported(incidentId)]);
    await expect(spec.reapply('incident-timeline', recorded)).rejects.toThrow(/duplicate key/);
    expect(await lines(incidentId)).toHaveLength(1);
  });
});
