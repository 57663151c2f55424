import { randomUUID } from 'node:crypto';
import type { StockLineView as StockLine } from '../../libs/warehouses/src/contract';
import type { TestApp } from '../support/test-app';
import { givenSignedIn } from '../support/signed-in';
import type { TestUser } from '../support/test-users';
import { incidentBody, waitForMessage } from '../support/incident-fixtures';
import { registerWarehouse, type StockItem } from '../support/resource-fixtures';
import { until } from '../support/eventually';

const TENT = '1010101';
const SUIT = '2010102';

describe('material warehouses: receipts, all-or-nothing allocations, shipments', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => ({ t, user: admin } = await givenSignedIn(['admin'])));
  afterAll(() => t?.close());

  const warehouse = (stock: StockItem[] = []) => registerWarehouse(t, admin.token, {}, stock);
  const line = async (id: string, code: string): Promise<StockLine> =>
    (await t.get(`/api/v1/warehouses/${id}`).expect(200)).body.stock.find((l: StockLine) => l.materialCode === code);
  const incident = async () => (await t.post('/api/v1/incidents').send(incidentBody()).expect(201)).body.id as string;

  it('serves the materials catalogue with 7-digit codes', async () => {
    const { body } = await t.get('/api/v1/materials').expect(200);
    expect(body.length).toBeGreaterThanOrEqual(40);
    expect(body.every((m: { code: string }) => /^\d{7}$/.test(m.code))).toBe(true);
    expect(body).toContainEqual(expect.objectContaining({ code: TENT, name: '棉帐篷', unit: '顶' }));
  });

  it('receipts raise on hand; the nearest expiry and the minimum level show on the line', async () => {
    const id = await warehouse([
      { materialCode: SUIT, quantity: 10, expiresAt: '2027-01-01T00:00:00+08:00' },
      { materialCode: SUIT, quantity: 5, expiresAt: '2026-12-01T00:00:00+08:00' },
    ]);
    await t
      .post(`/api/v1/warehouses/${id}/minimums`, admin.token)
      .send({ materialCode: SUIT, minimum: 20 })
      .expect(200);
    expect(await line(id, SUIT)).toMatchObject({
      onHand: 15,
      reserved: 0,
      available: 15,
      minimum: 20,
      belowMinimum: true,
      nearestExpiry: '2026-12-01T00:00:00+08:00',
    });
  });

  it('allocates all lines or none: a short line is a 409 naming it, and nothing is reserved', async () => {
    const id = await warehouse([
      { materialCode: TENT, quantity: 10 },
      { materialCode: SUIT, quantity: 2 },
    ]);
    const incidentId = await incident();
    const short = await t.post(`/api/v1/warehouses/${id}/allocations`).send({
      incidentId,
      items: [
        { materialCode: TENT, quantity: 5 },
        { materialCode: SUIT, quantity: 3 },
      ],
    });
    expect(short.status).toBe(409);
    expect(short.body.code).toBe('INSUFFICIENT_STOCK');
    expect(short.body.details.shortfalls).toEqual([{ materialCode: SUIT, requested: 3, available: 2 }]);
    expect(await line(id, TENT)).toMatchObject({ reserved: 0, available: 10 });
    const ok = await t
      .post(`/api/v1/warehouses/${id}/allocations`)
      .send({ incidentId, items: [{ materialCode: TENT, quantity: 5 }] })
      .expect(201);
    expect(ok.body.allocationId).toEqual(expect.any(String));
    expect(await line(id, TENT)).toMatchObject({ onHand: 10, reserved: 5, available: 5 });
  });

  it('ship lowers on hand, cancel of a reserved allocation returns it; the incident shows its allocations', async () => {
    const id = await warehouse([{ materialCode: TENT, quantity: 10 }]);
    const incidentId = await incident();
    const socket = await t.socket();
    const pushed = waitForMessage<{ data: StockLine }>(socket, 'stock.changed');
    const a = (
      await t
        .post(`/api/v1/warehouses/${id}/allocations`)
        .send({ incidentId, items: [{ materialCode: TENT, quantity: 4 }] })
        .expect(201)
    ).body.allocationId;
    expect((await pushed).data).toMatchObject({ materialCode: TENT, reserved: 4 });
    const b = (
      await t
        .post(`/api/v1/warehouses/${id}/allocations`)
        .send({ incidentId, items: [{ materialCode: TENT, quantity: 3 }] })
        .expect(201)
    ).body.allocationId;
    await t.post(`/api/v1/warehouses/${id}/allocations/${a}/ship`).send({}).expect(200);
    await t.post(`/api/v1/warehouses/${id}/allocations/${b}/cancel`).send({ reason: '改由县库调拨' }).expect(200);
    expect(await line(id, TENT)).toMatchObject({ onHand: 6, reserved: 0, available: 6 });
    await t.post(`/api/v1/warehouses/${id}/allocations/${a}/deliver`).send({}).expect(200);
    const again = await t.post(`/api/v1/warehouses/${id}/allocations/${a}/ship`).send({});
    expect(again.status).toBe(404);
    const board = await t.get(`/api/v1/incidents/${incidentId}`).expect(200);
    expect(
      board.body.allocations.map((x: { allocationId: string; status: string }) => [x.allocationId, x.status]).sort(),
    ).toEqual(
      [
        [a, 'delivered'],
        [b, 'cancelled'],
      ].sort(),
    );
  });

  it('closing an incident cancels its undelivered allocations and frees the stock', async () => {
    const id = await warehouse([{ materialCode: TENT, quantity: 10 }]);
    const incidentId = await incident();
    const a = (
      await t
        .post(`/api/v1/warehouses/${id}/allocations`)
        .send({ incidentId, items: [{ materialCode: TENT, quantity: 6 }] })
        .expect(201)
    ).body.allocationId;
    await t.post(`/api/v1/warehouses/${id}/allocations/${a}/ship`).send({}).expect(200);
    await t
      .post(`/api/v1/warehouses/${id}/allocations`)
      .send({ incidentId, items: [{ materialCode: TENT, quantity: 2 }] })
      .expect(201);
    await t.post(`/api/v1/incidents/${incidentId}/close`).send({ summary: '处置完毕' }).expect(200);
    await until(async () => (await line(id, TENT)).reserved === 0 && (await line(id, TENT)).onHand === 10);
  });

  it('200 concurrent allocations of 1 unit against 100 available: exactly 100 succeed and available ends at 0', async () => {
    const id = await warehouse([{ materialCode: TENT, quantity: 100 }]);
    const incidentId = await incident();
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        t
          .post(`/api/v1/warehouses/${id}/allocations`)
          .send({ incidentId, items: [{ materialCode: TENT, quantity: 1 }] }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(100);
    expect(statuses.filter((s) => s === 409)).toHaveLength(100);
    expect(await line(id, TENT)).toMatchObject({ onHand: 100, reserved: 100, available: 0 });
  }, 60_000);

  it('a count replaces on hand with a reason but never below what is reserved', async () => {
    const id = await warehouse([{ materialCode: TENT, quantity: 10 }]);
    const incidentId = await incident();
    await t
      .post(`/api/v1/warehouses/${id}/allocations`)
      .send({ incidentId, items: [{ materialCode: TENT, quantity: 4 }] })
      .expect(201);
    const below = await t
      .post(`/api/v1/warehouses/${id}/counts`, admin.token)
      .send({ materialCode: TENT, counted: 3, reason: '盘点' });
    expect(below.status).toBe(422);
    await t
      .post(`/api/v1/warehouses/${id}/counts`, admin.token)
      .send({ materialCode: TENT, counted: 8, reason: '月度盘点，损坏 2 顶' })
      .expect(200);
    expect(await line(id, TENT)).toMatchObject({ onHand: 8, reserved: 4, available: 4 });
  });

  it('a keyed allocation retried after the stream moved on and a snapshot covered it answers as the first time and appends once', async () => {
    const id = await warehouse([{ materialCode: TENT, quantity: 50 }]);
    const incidentId = await incident();
    const key = randomUUID();
    const body = { incidentId, items: [{ materialCode: TENT, quantity: 30 }] };
    const first = await t
      .post(`/api/v1/warehouses/${id}/allocations`)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    // Enough receipts for the warehouse to take a snapshot past the allocation (every 200 events).
    for (let i = 0; i < 205; i++)
      await t
        .post(`/api/v1/warehouses/${id}/receipts`, admin.token)
        .send({ items: [{ materialCode: SUIT, quantity: 1 }] })
        .expect(201);
    const [snapshot] = await t.sql<{ revision: string }>(
      `select revision::text from aggregate_snapshots where stream_name = $1`,
      [`warehouse-${id}`],
    );
    expect(BigInt(snapshot!.revision)).toBeGreaterThan(BigInt(first.body.revision));
    const count = async () =>
      (
        await t.sql<{ n: string }>(`select count(*)::text as n from es_events where stream_name = $1`, [
          `warehouse-${id}`,
        ])
      )[0]!.n;
    const before = await count();
    const retry = await t.post(`/api/v1/warehouses/${id}/allocations`).set('Idempotency-Key', key).send(body);
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({
      allocationId: first.body.allocationId,
      revision: first.body.revision,
      position: first.body.position,
      replayed: true,
    });
    expect(await count()).toBe(before);
    expect(await line(id, TENT)).toMatchObject({ onHand: 50, reserved: 30 });
    const reused = await t
      .post(`/api/v1/warehouses/${id}/allocations`)
      .set('Idempotency-Key', key)
      .send({ ...body, items: [{ materialCode: TENT, quantity: 1 }] });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await count()).toBe(before);
  }, 120_000);

  it('refuses an unknown material code with 400 and appends nothing', async () => {
    const id = await warehouse();
    const before = await t.sql<{ n: string }>(`select count(*) as n from es_events where stream_name = $1`, [
      `warehouse-${id}`,
    ]);
    const bad = await t
      .post(`/api/v1/warehouses/${id}/receipts`, admin.token)
      .send({ items: [{ materialCode: '1234567', quantity: 1 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('UNKNOWN_MATERIAL');
    const after = await t.sql<{ n: string }>(`select count(*) as n from es_events where stream_name = $1`, [
      `warehouse-${id}`,
    ]);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});
