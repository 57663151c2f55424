import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import { JurisdictionRegistry, systemClock } from '@app/shared';
import type { IncidentReported } from '../../domain/incident/incident.events';
import { incidentStream } from '../../domain/incident/incident.types';
import { incidentReported } from '../../../../../test/support/incident-fixtures';
import { IncidentBoardRow } from './incident-board.entity';
import { IncidentBoardProjection } from './incident-board.projection';
import { IncidentBoardQueries } from './incident-board.queries';

const at = new Date().toISOString();
const reported = (incidentId: string, jurisdiction: string, drillId: string | null = null): IncidentReported =>
  incidentReported(incidentId, { jurisdiction, drillId, occurredAt: at, receivedAt: at });

describe('incident board queries (the port other contexts and the alarms read through)', () => {
  let spec: ProjectionSpec;
  let board: IncidentBoardQueries;
  const [real, drill, elsewhere, drillId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  beforeAll(async () => {
    const jurisdictions = new JurisdictionRegistry();
    spec = await ProjectionSpec.start({
      projections: () => [new IncidentBoardProjection(jurisdictions)],
      entities: [IncidentBoardRow],
    });
    board = new IncidentBoardQueries(spec.dataSource, jurisdictions, systemClock);
    await spec.given(incidentStream(real), [reported(real, '640571')], { jurisdiction: '640571' });
    await spec.given(incidentStream(drill), [reported(drill, '640571', drillId)], { jurisdiction: '640571', drillId });
    await spec.given(incidentStream(elsewhere), [reported(elsewhere, '640521')], { jurisdiction: '640521' });
  }, 60_000); // a database of its own is created and migrated first
  afterAll(() => spec?.stop());

  it('finds an incident only inside the asked scope (404 outside, so existence does not leak)', async () => {
    expect(await board.get(real, ['640571'])).toMatchObject({ id: real, jurisdiction: '640571', drillId: null });
    await expect(board.get(elsewhere, ['640571'])).rejects.toMatchObject({ code: 'INCIDENT_NOT_FOUND' });
    expect(await board.jurisdictionOf(elsewhere, ['640521'])).toBe('640521');
    await expect(board.jurisdictionOf(elsewhere, ['640571'])).rejects.toMatchObject({ code: 'INCIDENT_NOT_FOUND' });
  });

  it('lists real incidents unless a drill is asked for, never outside the scope', async () => {
    const ids = (filter: { drillId?: string }) =>
      board.list({ ...filter, limit: 100, scope: ['640571'] }).then((l) => l.map((v) => v.id));
    expect(await ids({})).toContain(real);
    expect(await ids({})).not.toContain(drill);
    expect(await ids({})).not.toContain(elsewhere);
    expect(await ids({ drillId })).toEqual([drill]);
  });

  it('tells which drill an incident belongs to: null for a real one, undefined for none', async () => {
    expect(await board.drillOf(drill)).toBe(drillId);
    expect(await board.drillOf(real)).toBeNull();
    expect(await board.drillOf(randomUUID())).toBeUndefined();
  });

  it('gives the deadline alarms the pending obligations of real incidents due before an instant, and their rows', async () => {
    const far = new Date(Date.now() + 400 * 86_400_000);
    const alarming = await board.alarmingObligations(far);
    const ids = [...new Set(alarming.map((o) => o.incidentId))];
    expect(ids).toEqual(expect.arrayContaining([real, elsewhere]));
    expect(ids).not.toContain(drill);
    // Nothing is due before the accident happened.
    expect(
      (await board.alarmingObligations(new Date(Date.parse(at) - 1))).filter((o) => ids.includes(o.incidentId)),
    ).toEqual([]);
    // Every one is an obligation of its incident's board row, due at the time the row holds.
    const rows = await board.rowsOf([real, elsewhere, drill]);
    expect(rows.map((r) => r.id).sort()).toEqual([real, elsewhere].sort());
    for (const o of alarming.filter((a) => a.incidentId === real)) {
      const obligation = (rows.find((r) => r.id === real)!.deadlines as { id: string; dueAt: string }[]).find(
        (d) => d.id === o.obligationId,
      );
      expect(Date.parse(obligation!.dueAt)).toBe(o.dueAt.getTime());
    }
  });
});
