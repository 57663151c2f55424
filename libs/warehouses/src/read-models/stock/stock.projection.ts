import type { EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import { upsertRows, type Projection } from '@app/event-sourcing/projections';
import { DEFAULT_TIME_ZONE, type JurisdictionRegistry } from '@app/shared';
import { warehouseEvents, type WarehouseEvent } from '../../domain/warehouse/warehouse.events';
import { addBatch, consume, type Batch } from '../../domain/warehouse/warehouse.state';
import { AllocationRow, StockLevelRow, WarehouseRow } from './stock.entities';
import { toStockLineView } from './stock.views';

/**
 * Stock per warehouse and material (on hand, reserved, available, minimum, nearest expiry), allocations, and the
 * warehouse register; pushes `stock.changed` for every line a batch touched.
 */
export class StockProjection implements Projection {
  readonly name = 'warehouse-stock';
  readonly filter = { kind: 'category', categories: ['warehouse'] } as const;
  readonly events = warehouseEvents;

  constructor(private readonly jurisdictions: JurisdictionRegistry) {}

  async apply(events: readonly Recorded<WarehouseEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    const lines = new Map<string, { row: StockLevelRow; position: string }>();
    const line = async (warehouse: WarehouseRow, code: string, position: string): Promise<StockLevelRow> => {
      const key = `${warehouse.id}:${code}`;
      const row =
        lines.get(key)?.row ??
        (await manager.findOneBy(StockLevelRow, { warehouseId: warehouse.id, materialCode: code })) ??
        Object.assign(new StockLevelRow(), {
          warehouseId: warehouse.id,
          materialCode: code,
          onHand: 0,
          reserved: 0,
          minimum: 0,
          batches: [],
          nearestExpiry: null,
          jurisdiction: warehouse.jurisdiction,
        });
      row.position = position;
      lines.set(key, { row, position });
      return row;
    };
    for (const event of events) {
      const position = formatPosition(event.position);
      if (event.type === 'WarehouseRegistered') {
        const { warehouseId, registeredAt: _at, ...d } = event.data;
        await manager.save(
          Object.assign(new WarehouseRow(), { id: warehouseId, ...d, revision: Number(event.revision), position }),
        );
        continue;
      }
      const warehouse = await manager.findOneBy(WarehouseRow, { id: event.data.warehouseId });
      if (!warehouse) continue;
      await manager.update(WarehouseRow, { id: warehouse.id }, { revision: Number(event.revision), position });
      await this.applyStock(event, warehouse, position, line, manager);
    }
    const rows = [...lines.values()].map((l) => l.row);
    for (const row of rows) row.nearestExpiry = nearest(row.batches);
    await upsertRows(manager, StockLevelRow, rows);
    const now = new Date();
    return rows.map((row) => ({
      name: 'stock.changed' as const,
      position: row.position,
      scope: { jurisdiction: row.jurisdiction },
      data: toStockLineView(row, this.jurisdictions.get(row.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE, now),
    }));
  }

  private async applyStock(
    event: Exclude<WarehouseEvent, { type: 'WarehouseRegistered' }>,
    warehouse: WarehouseRow,
    position: string,
    line: (w: WarehouseRow, code: string, position: string) => Promise<StockLevelRow>,
    manager: EntityManager,
  ): Promise<void> {
    switch (event.type) {
      case 'StockReceived':
        for (const item of event.data.items) {
          const row = await line(warehouse, item.materialCode, position);
          row.onHand += item.quantity;
          row.batches = addBatch(row.batches, {
            batch: item.batch,
            expiresAt: item.expiresAt,
            quantity: item.quantity,
          });
        }
        return;
      case 'StockAllocated':
        for (const item of event.data.items)
          (await line(warehouse, item.materialCode, position)).reserved += item.quantity;
        await manager.save(
          Object.assign(new AllocationRow(), {
            id: event.data.allocationId,
            warehouseId: warehouse.id,
            incidentId: event.data.incidentId,
            items: event.data.items,
            status: 'reserved',
            jurisdiction: warehouse.jurisdiction,
            allocatedAt: new Date(event.data.allocatedAt),
            updatedAt: new Date(event.data.allocatedAt),
          }),
        );
        return;
      case 'AllocationStatusChanged': {
        const allocation = await manager.findOneBy(AllocationRow, { id: event.data.allocationId });
        if (!allocation) return;
        for (const item of allocation.items) {
          const row = await line(warehouse, item.materialCode, position);
          if (event.data.status === 'shipped') {
            row.onHand -= item.quantity;
            row.reserved -= item.quantity;
            row.batches = consume(row.batches, item.quantity);
          } else if (event.data.status === 'cancelled' && event.data.from === 'reserved') {
            row.reserved -= item.quantity;
          } else if (event.data.status === 'cancelled' && event.data.from === 'shipped') {
            row.onHand += item.quantity;
            row.batches = addBatch(row.batches, { batch: null, expiresAt: null, quantity: item.quantity });
          }
        }
        await manager.update(
          AllocationRow,
          { id: allocation.id },
          { status: event.data.status, updatedAt: new Date(event.data.at) },
        );
        return;
      }
      case 'StockCounted': {
        const row = await line(warehouse, event.data.materialCode, position);
        const delta = event.data.counted - event.data.previous;
        row.onHand = event.data.counted;
        if (delta < 0) row.batches = consume(row.batches, -delta);
        if (delta > 0) row.batches = addBatch(row.batches, { batch: null, expiresAt: null, quantity: delta });
        return;
      }
      case 'MinimumLevelSet':
        (await line(warehouse, event.data.materialCode, position)).minimum = event.data.minimum;
        return;
      default: {
        const unknownEvent: never = event;
        return unknownEvent;
      }
    }
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate warehouses, stock_levels, allocations');
  }
}

function nearest(batches: readonly Batch[]): Date | null {
  const dates = batches
    .filter((b) => b.quantity > 0 && b.expiresAt)
    .map((b) => b.expiresAt!)
    .sort();
  return dates.length > 0 ? new Date(dates[0]!) : null;
}
