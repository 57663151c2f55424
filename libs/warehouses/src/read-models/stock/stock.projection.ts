import type { EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import { LIVE, type ApplyContext, type Projection } from '@app/event-sourcing/projections';
import { DEFAULT_TIME_ZONE, type JurisdictionRegistry } from '@app/shared';
import { warehouseEvents, type WarehouseEvent } from '../../domain/warehouse/warehouse.events';
import { addBatch, consume } from '../../domain/warehouse/warehouse.state';
import { AllocationRow, StockLevelRow, WarehouseRow } from './stock.entities';
import { StockBatch } from './stock-batch';
import { toStockLineView } from './stock.views';

/**
 * Stock per warehouse and material (on hand, reserved, available, minimum, nearest expiry), allocations, and the
 * warehouse register; pushes `stock.changed` for every line a batch touched (none while a rebuild replays).
 */
export class StockProjection implements Projection {
  readonly name = 'warehouse-stock';
  readonly filter = { kind: 'category', categories: ['warehouse'] } as const;
  readonly events = warehouseEvents;

  constructor(private readonly jurisdictions: JurisdictionRegistry) {}

  async apply(
    events: readonly Recorded<WarehouseEvent>[],
    manager: EntityManager,
    context: ApplyContext = LIVE,
  ): Promise<LiveDelta[]> {
    const rows = await StockBatch.load(manager, events);
    for (const event of events) {
      const position = formatPosition(event.position);
      if (event.type === 'WarehouseRegistered') {
        const { warehouseId, registeredAt: _at, ...d } = event.data;
        rows.setWarehouse(
          Object.assign(new WarehouseRow(), { id: warehouseId, ...d, revision: Number(event.revision), position }),
        );
        continue;
      }
      const warehouse = rows.warehouse(event.data.warehouseId);
      if (!warehouse) continue;
      rows.setWarehouse(Object.assign(warehouse, { revision: Number(event.revision), position }));
      applyStock(event, warehouse, position, rows);
    }
    const lines = await rows.write();
    if (!context.live) return [];
    const now = new Date();
    return lines.map((row) => ({
      name: 'stock.changed' as const,
      position: row.position,
      scope: { jurisdiction: row.jurisdiction },
      data: toStockLineView(row, this.jurisdictions.get(row.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE, now),
    }));
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate warehouses, stock_levels, allocations');
  }
}

/** One event's change to the stock lines and allocations, on the batch's rows in memory. */
function applyStock(
  event: Exclude<WarehouseEvent, { type: 'WarehouseRegistered' }>,
  warehouse: WarehouseRow,
  position: string,
  rows: StockBatch,
): void {
  const line = (code: string): StockLevelRow => rows.line(warehouse, code, position);
  switch (event.type) {
    case 'StockReceived':
      for (const item of event.data.items) {
        const row = line(item.materialCode);
        row.onHand += item.quantity;
        row.batches = addBatch(row.batches, { batch: item.batch, expiresAt: item.expiresAt, quantity: item.quantity });
      }
      return;
    case 'StockAllocated':
      for (const item of event.data.items) line(item.materialCode).reserved += item.quantity;
      rows.setAllocation(
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
      const allocation = rows.allocation(event.data.allocationId);
      if (!allocation) return;
      for (const item of allocation.items) {
        const row = line(item.materialCode);
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
      rows.setAllocation(Object.assign(allocation, { status: event.data.status, updatedAt: new Date(event.data.at) }));
      return;
    }
    case 'StockCounted': {
      const row = line(event.data.materialCode);
      const delta = event.data.counted - event.data.previous;
      row.onHand = event.data.counted;
      if (delta < 0) row.batches = consume(row.batches, -delta);
      if (delta > 0) row.batches = addBatch(row.batches, { batch: null, expiresAt: null, quantity: delta });
      return;
    }
    case 'MinimumLevelSet':
      line(event.data.materialCode).minimum = event.data.minimum;
      return;
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}
