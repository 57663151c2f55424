import { EVENT_STORE, readWholeStream, type EventStore } from '@app/event-store';
import { IncidentHistoryReader } from '../../libs/replay/src/application/history/incident-history.reader';
import { eventually } from '../support/eventually';
import { incidentBody } from '../support/incident-fixtures';
import { registerWarehouse } from '../support/resource-fixtures';
import { runningDrill } from '../support/running-drill';
import { startTestApp, type TestApp } from '../support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `state?at` folds from checkpoints and reads only up to the instant; the answer must be the full fold's at every
 * instant: just before and just after each recorded event, while checkpoints are being taken and after.
 */
describe('state at an instant: from checkpoints, the same as the full fold', () => {
  let t: TestApp;
  let reader: IncidentHistoryReader;
  let store: EventStore;
  const scope = { scope: ['640500', '640502', '640521', '640522', '640571'] };

  beforeAll(async () => {
    t = await startTestApp();
    reader = t.app.get(IncidentHistoryReader);
    store = t.app.get<EventStore>(EVENT_STORE);
    // A checkpoint every few events, so these short histories cross many of them.
    reader.checkpointEvery = 4;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The instants around every event the fold reads (incident and allocation events), and one before them all. */
  async function instantsOf(incidentId: string): Promise<string[]> {
    const { events } = await reader.incident(incidentId, scope);
    const times = events.map((e) => e.recordedAt.getTime());
    const instants = new Set<number>([times[0]! - 60_000]);
    for (const time of times) for (const delta of [-1, 0, 1]) instants.add(time + delta);
    return [...instants].sort((a, b) => a - b).map((ms) => new Date(ms).toISOString());
  }

  /** Both answers, an error as its code. */
  async function both(incidentId: string, at: string): Promise<[unknown, unknown]> {
    const answer = (work: Promise<unknown>) => work.catch((error: { code?: string }) => ({ error: error.code }));
    return [
      await answer(reader.stateAt(incidentId, at, scope)),
      await answer(reader.stateAtByFullFold(incidentId, at, scope)),
    ];
  }

  async function checkEveryInstant(incidentId: string): Promise<number> {
    const instants = await instantsOf(incidentId);
    for (const at of instants) {
      const [fast, full] = await both(incidentId, at);
      expect({ at, state: fast }).toEqual({ at, state: full });
    }
    return instants.length;
  }

  /** Until the board has applied the incident's stream to its end (checkpoints cover only what the board applied). */
  async function boardCaughtUp(incidentId: string): Promise<void> {
    const revision = (await readWholeStream(store, `incident-${incidentId}`)).length - 1;
    await eventually(async () => {
      const r = await t.get(`/api/v1/incidents/${incidentId}`);
      return r.status === 200 && r.body.revision === revision ? true : undefined;
    }, 20_000);
  }

  async function followUps(incidentId: string, count: number, warehouses: string[] = []): Promise<void> {
    for (let k = 0; k < count; k++) {
      await t
        .post(`/api/v1/incidents/${incidentId}/updates`)
        .send({ measures: `续报 ${k}`, casualties: { minorInjuries: k } })
        .expect(200);
      const warehouse = warehouses[k % Math.max(1, warehouses.length)];
      if (warehouse && k % 3 === 1) {
        const allocation = (
          await t
            .post(`/api/v1/warehouses/${warehouse}/allocations`)
            .send({ incidentId, items: [{ materialCode: '1010101', quantity: 1 }] })
            .expect(201)
        ).body as { allocationId: string };
        const allocationId = allocation.allocationId;
        if (k % 2 === 1)
          await t.post(`/api/v1/warehouses/${warehouse}/allocations/${allocationId}/ship`).send({}).expect(200);
      }
      // Now and then a read in the middle of the history: checkpoints are taken up to where the board is.
      if (k % 5 === 4) await reader.stateAt(incidentId, new Date().toISOString(), scope);
      await sleep(3);
    }
  }

  it('an incident with allocations from two warehouses', async () => {
    const admin = await t.user(['admin']);
    const warehouses = [
      await registerWarehouse(t, admin.token, { name: '回放检查点库甲' }, [{ materialCode: '1010101', quantity: 100 }]),
      await registerWarehouse(t, admin.token, { name: '回放检查点库乙' }, [{ materialCode: '1010101', quantity: 100 }]),
    ];
    const incidentId = (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body.id as string;
    await followUps(incidentId, 30, warehouses);
    await boardCaughtUp(incidentId);
    const checked = await checkEveryInstant(incidentId);
    const taken = await t.sql<{ n: string }>(
      'select count(*)::text as n from replay_checkpoints where incident_id = $1',
      [incidentId],
    );
    expect(Number(taken[0]!.n)).toBeGreaterThan(5);
    expect(checked).toBeGreaterThan(90);
    const { body } = await t.get(`/api/v1/incidents/${incidentId}`).expect(200);
    expect((body as { allocations: unknown[] }).allocations.length).toBeGreaterThan(3);
  });

  it('a drill incident', async () => {
    const drillId = await runningDrill(t);
    const incidentId = (await t.post('/api/v1/incidents').send(incidentBody({ drillId })).expect(201)).body
      .id as string;
    await followUps(incidentId, 20);
    await boardCaughtUp(incidentId);
    await checkEveryInstant(incidentId);
    const taken = await t.sql<{ n: string }>(
      'select count(*)::text as n from replay_checkpoints where incident_id = $1',
      [incidentId],
    );
    expect(Number(taken[0]!.n)).toBeGreaterThan(3);
  });

  it('checkpoints are a cache: without them the answers are the same', async () => {
    const incidentId = (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body.id as string;
    await followUps(incidentId, 12);
    await boardCaughtUp(incidentId);
    const at = new Date().toISOString();
    const before = await reader.stateAt(incidentId, at, scope);
    await t.sql('delete from replay_checkpoints where incident_id = $1', [incidentId]);
    expect(await reader.stateAt(incidentId, at, scope)).toEqual(before);
    expect(await reader.stateAtByFullFold(incidentId, at, scope)).toEqual(before);
  });
});
