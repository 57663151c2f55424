import { randomUUID } from 'node:crypto';
import { decidedEvents, projectLiveAndRebuilt } from '@app/event-sourcing/testing/projections';
import { JurisdictionRegistry } from '@app/shared';
import type { WarehouseCommand } from '../../domain/warehouse/warehouse.commands';
import { warehouseDecider } from '../../domain/warehouse/warehouse.decider';
import { AllocationRow, StockLevelRow, WarehouseRow } from './stock.entities';
import { StockProjection } from './stock.projection';

/**
 * The stock projection folds a whole batch in memory and writes each row once: rebuilt in large batches, its tables
 * must equal what it wrote live in batches of three (receipts with expiries, allocations moved to every status,
 * counts up and down, minimum levels, over several warehouses interleaved in the log).
 */
const CODES = ['1010101', '2010102', '3010101'];
const now = new Date('2026-11-01T08:00:00Z');

function warehouseHistory(k: number): [string, ReturnType<typeof decidedEvents>] {
  const warehouseId = randomUUID();
  const commands: WarehouseCommand[] = [
    {
      type: 'RegisterWarehouse',
      warehouseId,
      name: `比对库 ${k}`,
      level: 'county',
      location: { address: '库址', lat: 37.5, lng: 105.2 },
      jurisdiction: '640502',
      reserveKind: 'physical',
      now,
    },
  ];
  const allocations: string[] = [];
  for (let step = 0; step < 40; step++) {
    const code = CODES[(step + k) % CODES.length]!;
    commands.push({
      type: 'ReceiveStock',
      receiptId: randomUUID(),
      items: [
        {
          materialCode: code,
          quantity: 5 + ((step * 7) % 11),
          batch: step % 3 === 0 ? null : `B${step % 4}`,
          expiresAt: step % 2 === 0 ? null : new Date(now.getTime() + (step % 5) * 86_400_000 * 20).toISOString(),
        },
      ],
      now,
    });
    if (step % 3 === 1) {
      const allocationId = randomUUID();
      allocations.push(allocationId);
      commands.push({
        type: 'AllocateStock',
        allocationId,
        incidentId: randomUUID(),
        items: [{ materialCode: code, quantity: 3 }],
        now,
      });
    }
    if (step % 4 === 3) {
      const allocationId = allocations[step % allocations.length]!;
      const to = (['shipped', 'delivered', 'cancelled'] as const)[step % 3]!;
      commands.push({ type: 'MoveAllocation', allocationId, to, now });
    }
    if (step % 9 === 8) commands.push({ type: 'CountStock', materialCode: code, counted: step, reason: '盘点', now });
    if (step % 10 === 5) commands.push({ type: 'SetMinimumLevel', materialCode: code, minimum: step, now });
  }
  return [`warehouse-${warehouseId}`, decidedEvents(warehouseDecider, commands, '640502')];
}

describe('warehouse stock: rebuilt in large batches equals live in small ones', () => {
  it('writes the same warehouses, stock lines and allocations, row for row, and no deltas while rebuilding', async () => {
    const history = [0, 1, 2, 3].map(warehouseHistory);
    const { live, rebuilt } = await projectLiveAndRebuilt({
      projections: () => [new StockProjection(new JurisdictionRegistry())],
      entities: [WarehouseRow, StockLevelRow, AllocationRow],
      history,
      tables: ['warehouses', 'stock_levels', 'allocations'],
    });
    expect(live.rows['stock_levels']!.length).toBe(12);
    expect(live.rows['allocations']!.length).toBeGreaterThan(40);
    expect(rebuilt.rows).toEqual(live.rows);
    expect(live.largestBatch).toBeLessThanOrEqual(3);
    expect(rebuilt.largestBatch).toBeGreaterThan(100);
    expect(live.deltas).toBeGreaterThan(0);
    expect(rebuilt.deltas).toBe(0);
  }, 120_000);
});
