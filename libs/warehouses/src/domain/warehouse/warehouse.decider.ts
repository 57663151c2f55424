import { defineDecider, unknownCase } from '@app/event-sourcing/events';
import { warehouseEvents } from './warehouse.events';
import { materialByCode } from '../materials/materials.catalogue';
import type { AllocateStock, MoveAllocation, WarehouseCommand } from './warehouse.commands';
import {
  AllocationNotFoundError,
  CountBelowReservedError,
  IllegalAllocationMoveError,
  InsufficientStockError,
  UnknownMaterialError,
  WarehouseAlreadyRegisteredError,
  WarehouseNotFoundError,
  type Shortfall,
} from './warehouse.errors';
import type { WarehouseEvent } from './warehouse.events';
import { available, evolveWarehouse, initialWarehouseState, type WarehouseState } from './warehouse.state';

type Active = Extract<WarehouseState, { status: 'active' }>;

export function decideWarehouse(command: WarehouseCommand, state: WarehouseState): WarehouseEvent[] {
  const at = command.now.toISOString();
  if (command.type === 'RegisterWarehouse') {
    if (state.status !== 'none') throw new WarehouseAlreadyRegisteredError();
    const { type: _t, now: _n, ...d } = command;
    return [{ type: 'WarehouseRegistered', data: { ...d, registeredAt: at } }];
  }
  if (state.status === 'none') throw new WarehouseNotFoundError();
  switch (command.type) {
    case 'ReceiveStock':
      assertKnown(command.items.map((i) => i.materialCode));
      return [
        {
          type: 'StockReceived',
          data: { warehouseId: state.warehouseId, receiptId: command.receiptId, items: command.items, receivedAt: at },
        },
      ];
    case 'AllocateStock':
      return decideAllocate(command, state, at);
    case 'MoveAllocation':
      return decideMove(command, state, at);
    case 'CountStock': {
      assertKnown([command.materialCode]);
      const line = state.stock[command.materialCode];
      if (command.counted < (line?.reserved ?? 0))
        throw new CountBelowReservedError(command.materialCode, line?.reserved ?? 0);
      return [
        {
          type: 'StockCounted',
          data: {
            warehouseId: state.warehouseId,
            materialCode: command.materialCode,
            previous: line?.onHand ?? 0,
            counted: command.counted,
            reason: command.reason,
            countedAt: at,
          },
        },
      ];
    }
    case 'SetMinimumLevel':
      assertKnown([command.materialCode]);
      return [
        {
          type: 'MinimumLevelSet',
          data: {
            warehouseId: state.warehouseId,
            materialCode: command.materialCode,
            minimum: command.minimum,
            setAt: at,
          },
        },
      ];
    default:
      return unknownCase(command);
  }
}

/** All lines or none (docs/domain.md rule 17); lines of the same material are summed before checking. */
function decideAllocate(command: AllocateStock, state: Active, at: string): WarehouseEvent[] {
  assertKnown(command.items.map((i) => i.materialCode));
  const requested = new Map<string, number>();
  for (const item of command.items)
    requested.set(item.materialCode, (requested.get(item.materialCode) ?? 0) + item.quantity);
  const shortfalls: Shortfall[] = [...requested]
    .map(([materialCode, quantity]) => ({
      materialCode,
      requested: quantity,
      available: available(state.stock[materialCode]),
    }))
    .filter((s) => s.requested > s.available);
  if (shortfalls.length > 0) throw new InsufficientStockError(shortfalls);
  const items = [...requested].map(([materialCode, quantity]) => ({ materialCode, quantity }));
  return [
    {
      type: 'StockAllocated',
      data: {
        warehouseId: state.warehouseId,
        allocationId: command.allocationId,
        incidentId: command.incidentId,
        items,
        allocatedAt: at,
      },
    },
  ];
}

const MOVES: Readonly<Record<'reserved' | 'shipped', readonly string[]>> = {
  reserved: ['shipped', 'cancelled'],
  shipped: ['delivered', 'cancelled'],
};

function decideMove(command: MoveAllocation, state: Active, at: string): WarehouseEvent[] {
  const allocation = state.openAllocations[command.allocationId];
  if (!allocation) throw new AllocationNotFoundError();
  if (allocation.status === command.to) return [];
  if (!MOVES[allocation.status].includes(command.to))
    throw new IllegalAllocationMoveError(allocation.status, command.to);
  return [
    {
      type: 'AllocationStatusChanged',
      data: {
        warehouseId: state.warehouseId,
        allocationId: command.allocationId,
        incidentId: allocation.incidentId,
        from: allocation.status,
        status: command.to,
        reason: command.reason ?? null,
        at,
      },
    },
  ];
}

function assertKnown(codes: string[]): void {
  const unknown = codes.filter((c) => !materialByCode(c));
  if (unknown.length > 0) throw new UnknownMaterialError([...new Set(unknown)]);
}

export const warehouseDecider = defineDecider<WarehouseCommand, WarehouseEvent, WarehouseState>({
  events: warehouseEvents,
  initialState: initialWarehouseState,
  evolve: evolveWarehouse,
  decide: decideWarehouse,
  notFound: () => new WarehouseNotFoundError(),
  scopeOf: (state) => (state.status === 'none' ? {} : { jurisdiction: state.jurisdiction }),
  // Warehouse streams grow for years (benchmark: bench/warehouse-snapshots); bump the version when the state changes shape.
  snapshotting: { version: 1, every: 200 },
});
