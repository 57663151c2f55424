import { In, type EntityManager } from 'typeorm';
import type { Recorded } from '@app/event-sourcing';
import { upsertRows } from '@app/event-sourcing/projections';
import type { WarehouseEvent } from '../../domain/warehouse/warehouse.events';
import type { Batch } from '../../domain/warehouse/warehouse.state';
import { AllocationRow, StockLevelRow, WarehouseRow } from './stock.entities';

/**
 * The rows one stock batch touches, folded in memory: the batch's warehouses, their stock lines and the allocations it
 * names are read in one query each, every event changes them here, and each changed row is written once at the end (a
 * rebuild's batch of thousands of receipts costs three reads and three upserts, not two statements per event).
 */
export class StockBatch {
  private readonly changedWarehouses = new Set<string>();
  private readonly changedAllocations = new Set<string>();
  private readonly touchedLines = new Map<string, StockLevelRow>();

  private constructor(
    private readonly manager: EntityManager,
    private readonly warehouses: Map<string, WarehouseRow>,
    private readonly lines: Map<string, StockLevelRow>,
    private readonly allocations: Map<string, AllocationRow>,
  ) {}

  static async load(manager: EntityManager, events: readonly Recorded<WarehouseEvent>[]): Promise<StockBatch> {
    const warehouseIds = [...new Set(events.map((e) => e.data.warehouseId))];
    const allocationIds = [
      ...new Set(events.flatMap((e) => (e.type === 'AllocationStatusChanged' ? [e.data.allocationId] : []))),
    ];
    // One after another: the transaction has one connection.
    const warehouses = await manager.findBy(WarehouseRow, { id: In(warehouseIds) });
    const lines = await manager.findBy(StockLevelRow, { warehouseId: In(warehouseIds) });
    const allocations = allocationIds.length > 0 ? await manager.findBy(AllocationRow, { id: In(allocationIds) }) : [];
    return new StockBatch(
      manager,
      new Map(warehouses.map((w) => [w.id, w])),
      new Map(lines.map((l) => [lineKey(l.warehouseId, l.materialCode), l])),
      new Map(allocations.map((a) => [a.id, a])),
    );
  }

  warehouse(id: string): WarehouseRow | undefined {
    return this.warehouses.get(id);
  }

  setWarehouse(row: WarehouseRow): void {
    this.warehouses.set(row.id, row);
    this.changedWarehouses.add(row.id);
  }

  allocation(id: string): AllocationRow | undefined {
    return this.allocations.get(id);
  }

  setAllocation(row: AllocationRow): void {
    this.allocations.set(row.id, row);
    this.changedAllocations.add(row.id);
  }

  /** The warehouse's line of this material as the batch has it so far (a new, empty one if none), marked touched. */
  line(warehouse: WarehouseRow, code: string, position: string): StockLevelRow {
    const key = lineKey(warehouse.id, code);
    const row =
      this.lines.get(key) ??
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
    this.lines.set(key, row);
    if (!this.touchedLines.has(key)) this.touchedLines.set(key, row);
    return row;
  }

  /** Writes every changed row once (warehouses first: the others refer to them); answers the touched stock lines. */
  async write(): Promise<StockLevelRow[]> {
    const lines = [...this.touchedLines.values()];
    for (const row of lines) row.nearestExpiry = nearest(row.batches);
    await upsertRows(
      this.manager,
      WarehouseRow,
      [...this.changedWarehouses].map((id) => this.warehouses.get(id)!),
    );
    await upsertRows(
      this.manager,
      AllocationRow,
      [...this.changedAllocations].map((id) => this.allocations.get(id)!),
    );
    await upsertRows(this.manager, StockLevelRow, lines);
    return lines;
  }
}

const lineKey = (warehouseId: string, code: string): string => `${warehouseId}:${code}`;

function nearest(batches: readonly Batch[]): Date | null {
  const dates = batches
    .filter((b) => b.quantity > 0 && b.expiresAt)
    .map((b) => b.expiresAt!)
    .sort();
  return dates.length > 0 ? new Date(dates[0]!) : null;
}
