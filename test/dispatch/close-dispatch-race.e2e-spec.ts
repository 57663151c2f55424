import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { fold } from '../../libs/event-sourcing/src/kernel/decider';
import { incidentDecider, incidentStream } from '../../libs/incidents/src/domain';
import { teamDecider, teamStream } from '../../libs/teams/src/domain';
import { warehouseDecider, warehouseStream } from '../../libs/warehouses/src/domain';
import { incidentBody } from '../support/incident-fixtures';
import { givenSignedIn } from '../support/signed-in';
import type { TestApp } from '../support/test-app';
import type { TestUser } from '../support/test-users';
import { until } from '../support/eventually';

/**
 * Closing an incident raced against dispatching a team and allocating stock to it, many times (docs/domain.md rule
 * 9). The handlers check the board, which may still show the incident open; the incident itself refuses what reaches
 * it after the close, and the dispatch process undoes it. Once the process manager has caught up, no team is left
 * committed to a closed incident and no stock reserved for one, whichever request won each round.
 */

const ROUNDS = Number(process.env.RACE_ROUNDS ?? 30);
const TENT = '1010101';
/** The types the dispatch process manager follows (its filter): it has caught up when none is left after its checkpoint. */
const PROCESS_TYPES = [
  'TeamDispatched',
  'TeamStatusReported',
  'IncidentClosed',
  'StockAllocated',
  'AllocationStatusChanged',
];
const COMMITTED = new Set(['dispatched', 'en_route', 'on_scene']);

interface Row {
  event_type: string;
  data: Record<string, unknown>;
}

interface Round {
  incidentId: string;
  teamId: string;
  close: Response;
  dispatch: Response;
  allocate: Response;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('closing an incident races dispatching to it', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => ({ t, user: admin } = await givenSignedIn(['admin'])), 60_000);
  afterAll(() => t?.close());

  const events = async (stream: string) =>
    (
      await t.sql<Row & { stream_revision: string }>(
        `select event_type, data, stream_revision from es_events where stream_name = $1 order by stream_revision`,
        [stream],
      )
    ).map(({ event_type, data }) => ({ event_type, data }));
  const asDomain = (rows: Row[]) => rows.map((r) => ({ type: r.event_type, data: r.data })) as never[];

  const processCaughtUp = async () => {
    const [row] = await t.sql<{ behind: number }>(
      `select count(*)::int as behind
         from es_events e, projection_checkpoints c
        where c.projection = 'dispatch-process' and e.event_type = any($1)
          and (e.transaction_id::text::bigint, e.global_position) > (c.position_commit, c.position_prepare)`,
      [PROCESS_TYPES],
    );
    return row!.behind === 0;
  };

  it(`${ROUNDS} rounds of close ∥ dispatch ∥ allocate leave no team and no stock tied to a closed incident`, async () => {
    const warehouse = await t
      .post('/api/v1/warehouses', admin.token)
      .send({
        name: `竞态测试储备库 ${randomUUID().slice(0, 6)}`,
        level: 'city',
        location: { address: '中卫市（测试）', lat: 37.51, lng: 105.19 },
        jurisdiction: '640500',
        reserveKind: 'physical',
      })
      .expect(201);
    const warehouseId = warehouse.body.id as string;
    await t
      .post(`/api/v1/warehouses/${warehouseId}/receipts`, admin.token)
      .send({ items: [{ materialCode: TENT, quantity: 10 * ROUNDS }] })
      .expect(201);

    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const team = await t
        .post('/api/v1/teams', admin.token)
        .send({
          name: `竞态测试救援队 ${i}-${randomUUID().slice(0, 4)}`,
          kind: 'professional',
          specialties: ['hazardous_chemicals'],
          headcount: 12,
          equipment: [],
          base: { address: '中卫工业园区（测试）', lat: 37.53, lng: 105.15 },
          jurisdiction: '640571',
          contact: { name: '李强', phone: '0955-0000002' },
        })
        .expect(201);
      const incident = await t.post('/api/v1/incidents').send(incidentBody()).expect(201);
      const incidentId = incident.body.id as string;
      // The three start together, each after a jitter of its own; the close's is offset by a step that varies with the
      // round, so that across the rounds it lands before, between and after the other two.
      const jitter = (ms: number) => pause(Math.floor(Math.random() * ms));
      // Every fourth round the close goes first and the dispatch and the allocation follow it, often late enough to
      // meet the board's refusal.
      const late = i % 4 === 3;
      const closeAfter = late ? 0 : (i % 8) * 12;
      const requestAfter = late ? 50 + (i % 3) * 50 : 0;
      const [close, dispatch, allocate] = await Promise.all([
        pause(closeAfter)
          .then(() => jitter(10))
          .then(() => t.post(`/api/v1/incidents/${incidentId}/close`).send({ summary: '险情排除，结案' })),
        pause(requestAfter)
          .then(() => jitter(15))
          .then(() => t.post(`/api/v1/teams/${team.body.id}/dispatch`).send({ incidentId, task: '堵漏' })),
        pause(requestAfter)
          .then(() => jitter(15))
          .then(() =>
            t
              .post(`/api/v1/warehouses/${warehouseId}/allocations`)
              .send({ incidentId, items: [{ materialCode: TENT, quantity: 3 }] }),
          ),
      ]);
      rounds.push({ incidentId, teamId: team.body.id, close, dispatch, allocate });
    }

    // Every answer is a success or a clean refusal: 409 problem+json in Chinese, never a 5xx.
    for (const r of rounds) {
      expect(r.close.status).toBe(200);
      for (const answer of [r.dispatch, r.allocate]) {
        expect([201, 202, 409]).toContain(answer.status);
        if (answer.status === 409) {
          expect(answer.headers['content-type']).toContain('application/problem+json');
          expect(['INCIDENT_CLOSED', 'INCIDENT_RESPONSE_ENDED']).toContain(answer.body.code);
          expect(answer.body.detail).toMatch(/事故已结案/);
        }
      }
    }

    await until(processCaughtUp, 30_000);
    const parked = await t.sql<{ n: number }>(
      `select count(*)::int as n from parked_events where projection = 'dispatch-process'`,
    );
    expect(parked[0]!.n).toBe(0);

    let withdrawn = 0;
    let stoodDown = 0;
    for (const r of rounds) {
      const incidentEvents = await events(incidentStream(r.incidentId));
      const types = incidentEvents.map((e) => e.event_type);
      // Nothing is recorded on the incident after its close.
      expect(types.slice(types.indexOf('IncidentClosed') + 1)).not.toContain('TeamAssigned');
      expect(fold(incidentDecider, asDomain(incidentEvents))).toMatchObject({ status: 'closed' });

      const teamEvents = await events(teamStream(r.teamId));
      const team = fold(teamDecider, asDomain(teamEvents)) as { status: string; incidentId: string | null };
      expect(COMMITTED.has(team.status) && team.incidentId === r.incidentId).toBe(false);
      if (r.dispatch.status !== 409) {
        // An acknowledged dispatch is either on the incident (then stood down by the close) or withdrawn, saying why.
        const wasAssigned = types.includes('TeamAssigned');
        const withdrawal = teamEvents.find((e) => e.event_type === 'TeamDispatchWithdrawn');
        if (wasAssigned) {
          stoodDown++;
          expect(withdrawal).toBeUndefined();
          expect(team.status).toBe('returning');
        } else {
          withdrawn++;
          expect(withdrawal?.data).toMatchObject({ incidentId: r.incidentId, reason: '事故已结案，调派撤回' });
          expect(team).toMatchObject({ status: 'available', incidentId: null });
          expect(types.filter((type) => type === 'LateDispatchWithdrawn')).toHaveLength(1);
          // The duty log of the incident shows it, in Chinese.
          await until(async () => {
            const timeline = (await t.get(`/api/v1/incidents/${r.incidentId}/timeline`).expect(200)).body as {
              type: string;
              summary: string;
            }[];
            const entry = timeline.find((e) => e.type === 'LateDispatchWithdrawn');
            return entry?.summary.startsWith('结案后到达的调派已撤回：竞态测试救援队') === true;
          });
        }
      }
      // The read model says the same as the stream.
      await until(async () => {
        const view = (await t.get(`/api/v1/teams/${r.teamId}`).expect(200)).body;
        return view.status === team.status && view.incidentId === team.incidentId;
      });
    }

    // The warehouse, folded from its stream: no allocation to any of these closed incidents is still reserved.
    const warehouseEvents = await events(warehouseStream(warehouseId));
    const state = fold(warehouseDecider, asDomain(warehouseEvents)) as {
      openAllocations: Record<string, { incidentId: string; status: string }>;
      stock: Record<string, { reserved: number }>;
    };
    const closedIncidents = new Set(rounds.map((r) => r.incidentId));
    expect(Object.values(state.openAllocations).filter((a) => closedIncidents.has(a.incidentId))).toEqual([]);
    expect(state.stock[TENT]?.reserved ?? 0).toBe(0);
    const lateCancels = warehouseEvents.filter(
      (e) => e.event_type === 'AllocationStatusChanged' && e.data.reason === '事故已结案，调拨撤回，预留库存释放',
    ).length;
    // Each late cancellation is on the record of its incident, once.
    let recorded = 0;
    for (const r of rounds)
      recorded += (await events(incidentStream(r.incidentId))).filter(
        (e) => e.event_type === 'LateAllocationCancelled',
      ).length;
    expect(recorded).toBe(lateCancels);
    // And the read model the console shows: nothing reserved, everything available again.
    await until(async () => {
      const view = (await t.get(`/api/v1/warehouses/${warehouseId}`).expect(200)).body;
      const line = view.stock.find((l: { materialCode: string }) => l.materialCode === TENT);
      return line.reserved === 0 && line.available === 10 * ROUNDS;
    });

    const acknowledged = rounds.filter((r) => r.dispatch.status !== 409).length;
    expect(withdrawn + stoodDown).toBe(acknowledged);
    // What the rounds produced, for the reader of the log (the invariants above hold whatever the mix).
    console.log(
      `close ∥ dispatch ∥ allocate, ${ROUNDS} rounds: dispatches acknowledged ${acknowledged} (stood down ${stoodDown}, withdrawn late ${withdrawn}), ` +
        `refused ${ROUNDS - acknowledged}; allocations acknowledged ${rounds.filter((r) => r.allocate.status !== 409).length}, cancelled late ${lateCancels}`,
    );
  }, 180_000);
});
