import { randomUUID } from 'node:crypto';
import { ProjectionSpec } from '@app/event-sourcing/testing/projections';
import { DomainError, JurisdictionRegistry } from '@app/shared';
import type { WarehouseEvent } from '../../domain/warehouse/warehouse.events';
import { warehouseStream } from '../../domain/warehouse/warehouse.types';
import { AllocationRow, StockLevelRow, WarehouseRow } from './stock.entities';
import { StockProjection } from './stock.projection';
import { WarehouseStockQueries } from './stock.queries';

const TENTS = '1010101';
const PUMPS = '2010102';
const at = '2026-11-23T01:00:00.000Z';

const registered = (warehouseId: string, name: string, jurisdiction: string): WarehouseEvent => ({
  type: 'WarehouseRegistered',
  data: {
    warehouseId,
    name,
    level: 'county',
    location: { address: '（演示）', lat: 37.5, lng: 105.2 },
    jurisdiction,
    reserveKind: 'physical',
    registeredAt: at,
  },
});
const received = (warehouseId: string, items: [string, number][]): WarehouseEvent => ({
  type: 'StockReceived',
  data: {
    warehouseId,
    receiptId: randomUUID(),
    receivedAt: at,
    items: items.map(([materialCode, quantity]) => ({ materialCode, quantity, batch: null, expiresAt: null })),
  },
});

/** The stock board's read port, over rows the real projection wrote: scope, sums and availability. */
describe('warehouse stock queries', () => {
  let spec: ProjectionSpec;
  let queries: WarehouseStockQueries;
  const city = randomUUID();
  const county = randomUUID();
  beforeAll(async () => {
    const jurisdictions = new JurisdictionRegistry();
    spec = await ProjectionSpec.start({
      projections: () => [new StockProjection(jurisdictions)],
      entities: [WarehouseRow, StockLevelRow, AllocationRow],
    });
    queries = new WarehouseStockQueries(spec.dataSource, jurisdictions, spec.clock);
    await spec.given(warehouseStream(city), [
      registered(city, '市级储备库', '640500'),
      received(city, [
        [TENTS, 10],
        [PUMPS, 3],
      ]),
    ]);
    await spec.given(warehouseStream(county), [
      registered(county, '中宁县储备库', '640521'),
      received(county, [[TENTS, 4]]),
      {
        type: 'StockAllocated',
        data: {
          warehouseId: county,
          allocationId: randomUUID(),
          incidentId: randomUUID(),
          items: [{ materialCode: TENTS, quantity: 3 }],
          allocatedAt: at,
        },
      },
    ]);
  }, 60_000); // a database of its own is created and migrated first
  afterAll(() => spec?.stop());

  it('lists only the warehouses inside the scope, with their stock lines', async () => {
    const listed = await queries.list({ scope: ['640521'] });
    expect(listed.map((w) => w.id)).toEqual([county]);
    expect(listed[0]!.stock).toEqual([
      expect.objectContaining({ materialCode: TENTS, onHand: 4, reserved: 3, available: 1 }),
    ]);
    expect((await queries.list({ scope: ['640500', '640521'] })).map((w) => w.id).sort()).toEqual(
      [city, county].sort(),
    );
  });

  it('a warehouse outside the scope is not found (404), so its existence does not leak', async () => {
    await expect(queries.get(city, ['640521'])).rejects.toMatchObject({ code: 'WAREHOUSE_NOT_FOUND' });
    await expect(queries.get(city, ['640521'])).rejects.toBeInstanceOf(DomainError);
    expect((await queries.get(city, ['640500'])).stock.map((l) => l.materialCode)).toEqual([TENTS, PUMPS]);
    expect(await queries.find(randomUUID())).toBeUndefined();
  });

  it('stock levels and availability per jurisdiction count what is reserved as not available', async () => {
    const levels = await queries.stockLevelsIn(['640500', '640521']);
    expect(levels).toHaveLength(3);
    expect(levels.find((l) => l.warehouseId === county)).toMatchObject({
      onHand: 4,
      reserved: 3,
      available: 1,
      jurisdiction: '640521',
    });
    const availability = await queries.availabilityIn(['640500', '640521']);
    expect(availability.find((w) => w.id === city)?.available).toEqual({ [TENTS]: 10, [PUMPS]: 3 });
    expect(availability.find((w) => w.id === county)?.available).toEqual({ [TENTS]: 1 });
    expect(await queries.availabilityIn(['640522'])).toEqual([]);
  });

  it('locates a warehouse whatever its jurisdiction, for callers with their own visibility rule', async () => {
    expect(await queries.locate(city)).toEqual({ id: city, name: '市级储备库', jurisdiction: '640500' });
    expect(await queries.locate(randomUUID())).toBeUndefined();
  });
});
