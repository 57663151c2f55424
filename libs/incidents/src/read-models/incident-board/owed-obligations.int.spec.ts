import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import { JurisdictionRegistry, systemClock } from '@app/shared';
import { incidentStream } from '../../domain/incident/incident.types';
import { incidentReported } from '../../../../../test/support/incident-fixtures';
import { IncidentBoardRow } from './incident-board.entity';
import { IncidentBoardProjection } from './incident-board.projection';
import { IncidentBoardQueries } from './incident-board.queries';

// Receipts a minute apart: each incident's obligations fall due a minute after the previous one's.
const receivedAt = (minute: number) => new Date(Date.UTC(2026, 10, 23, 2, 0) + minute * 60_000).toISOString();

/** The duty desk's queue read: the bureau's obligations due first, however many incidents are open. */
describe('owed obligations (the duty desk queue)', () => {
  let spec: ProjectionSpec;
  let queries: IncidentBoardQueries;
  const real: string[] = [];
  beforeAll(async () => {
    const registry = new JurisdictionRegistry();
    spec = await ProjectionSpec.start({
      projections: () => [new IncidentBoardProjection(registry)],
      entities: [IncidentBoardRow],
    });
    queries = new IncidentBoardQueries(spec.dataSource, registry, systemClock);
    // Reported newest first, so the order of the answer cannot come from the order of arrival.
    for (let minute = 29; minute >= 0; minute--) {
      const id = randomUUID();
      real.push(id);
      const at = receivedAt(minute);
      await spec.given(incidentStream(id), [incidentReported(id, { occurredAt: at, receivedAt: at })], {
        jurisdiction: '640571',
      });
    }
    const drill = randomUUID();
    await spec.given(
      incidentStream(drill),
      [incidentReported(drill, { occurredAt: receivedAt(-60), receivedAt: receivedAt(-60), drillId: randomUUID() })],
      { jurisdiction: '640571' },
    );
  }, 120_000);
  afterAll(() => spec?.stop());

  it('answers the earliest due first, bounded, with the total, bureau obligations of real incidents only', async () => {
    const [counted] = await spec.dataSource.query(
      `select count(*)::int as n from deadline_compliance
        where drill_id is null and status = 'pending' and responsible = 'bureau'`,
    );
    const owed = await queries.owedObligations(['640571'], 10);
    expect(owed.total).toBe(counted.n);
    expect(owed.total).toBeGreaterThan(30);
    expect(owed.obligations).toHaveLength(10);
    const dues = owed.obligations.map((o) => Date.parse(o.dueAt));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    // The first due belong to the earliest receipt (reported last), not to the drill reported an hour before it.
    expect(owed.obligations[0]!.incidentId).toBe(real[real.length - 1]);
    expect(owed.obligations.every((o) => real.includes(o.incidentId))).toBe(true);
    expect(owed.obligations[0]!.kindLabel).toMatch(/[\u4e00-\u9fff]/);
    expect(owed.obligations[0]!.basis).toMatch(/[\u4e00-\u9fff]/);
    // Another jurisdiction owes nothing of these.
    expect(await queries.owedObligations(['640522'], 10)).toEqual({ total: 0, obligations: [] });
  });
});
