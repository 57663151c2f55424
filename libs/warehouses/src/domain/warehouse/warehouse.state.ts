import type { WarehouseEvent } from './warehouse.events';
import type { AllocationStatus, ReserveKind, StockLine, WarehouseLevel, WarehouseLocation } from './warehouse.types';

export interface Batch {
  batch: string | null;
  expiresAt: string | null;
  quantity: number;
}

export interface MaterialStock {
  onHand: number;
  reserved: number;
  minimum: number;
  /** Remaining quantity per receipt batch, consumed first-expiry-first-out. */
  batches: Batch[];
}

export interface OpenAllocation {
  incidentId: string;
  items: StockLine[];
  status: Extract<AllocationStatus, 'reserved' | 'shipped'>;
}

/**
 * Only open allocations are kept: a warehouse's history grows for years, its state must not. Everything here is
 * plain JSON so that it can be stored as a snapshot.
 */
export type WarehouseState =
  | { status: 'none' }
  | {
      status: 'active';
      warehouseId: string;
      name: string;
      level: WarehouseLevel;
      location: WarehouseLocation;
      jurisdiction: string;
      reserveKind: ReserveKind;
      stock: Record<string, MaterialStock>;
      openAllocations: Record<string, OpenAllocation>;
    };

export const initialWarehouseState: WarehouseState = { status: 'none' };

export const available = (line: MaterialStock | undefined): number => (line ? line.onHand - line.reserved : 0);

const EMPTY: MaterialStock = { onHand: 0, reserved: 0, minimum: 0, batches: [] };

export function evolveWarehouse(state: WarehouseState, event: WarehouseEvent): WarehouseState {
  if (event.type === 'WarehouseRegistered') {
    const { registeredAt: _at, ...d } = event.data;
    return { status: 'active', ...d, stock: {}, openAllocations: {} };
  }
  if (state.status === 'none') return state;
  const stock = { ...state.stock };
  const change = (code: string, f: (line: MaterialStock) => MaterialStock): void => {
    stock[code] = f(stock[code] ?? EMPTY);
  };
  switch (event.type) {
    case 'StockReceived':
      for (const item of event.data.items) {
        change(item.materialCode, (l) => ({
          ...l,
          onHand: l.onHand + item.quantity,
          batches: addBatch(l.batches, { batch: item.batch, expiresAt: item.expiresAt, quantity: item.quantity }),
        }));
      }
      return { ...state, stock };
    case 'StockAllocated':
      for (const item of event.data.items)
        change(item.materialCode, (l) => ({ ...l, reserved: l.reserved + item.quantity }));
      return {
        ...state,
        stock,
        openAllocations: {
          ...state.openAllocations,
          [event.data.allocationId]: { incidentId: event.data.incidentId, items: event.data.items, status: 'reserved' },
        },
      };
    case 'AllocationStatusChanged': {
      const allocation = state.openAllocations[event.data.allocationId];
      if (!allocation) return state;
      const open = { ...state.openAllocations };
      for (const item of allocation.items) {
        if (event.data.status === 'shipped')
          change(item.materialCode, (l) => ({
            ...l,
            onHand: l.onHand - item.quantity,
            reserved: l.reserved - item.quantity,
            batches: consume(l.batches, item.quantity),
          }));
        if (event.data.status === 'cancelled' && allocation.status === 'reserved')
          change(item.materialCode, (l) => ({ ...l, reserved: l.reserved - item.quantity }));
        // Shipped goods called back come home as unbatched stock.
        if (event.data.status === 'cancelled' && allocation.status === 'shipped')
          change(item.materialCode, (l) => ({
            ...l,
            onHand: l.onHand + item.quantity,
            batches: addBatch(l.batches, { batch: null, expiresAt: null, quantity: item.quantity }),
          }));
      }
      if (event.data.status === 'shipped') open[event.data.allocationId] = { ...allocation, status: 'shipped' };
      else delete open[event.data.allocationId];
      return { ...state, stock, openAllocations: open };
    }
    case 'StockCounted': {
      const delta = event.data.counted - event.data.previous;
      change(event.data.materialCode, (l) => ({
        ...l,
        onHand: event.data.counted,
        batches:
          delta < 0
            ? consume(l.batches, -delta)
            : delta > 0
              ? addBatch(l.batches, { batch: null, expiresAt: null, quantity: delta })
              : l.batches,
      }));
      return { ...state, stock };
    }
    case 'MinimumLevelSet':
      change(event.data.materialCode, (l) => ({ ...l, minimum: event.data.minimum }));
      return { ...state, stock };
    default: {
      const unknownEvent: never = event;
      return unknownEvent;
    }
  }
}

/**
 * Batches are kept in first-expiry-first-out order (no expiry last), so shipping takes from the front and a long
 * history never re-sorts: consuming costs the batches it empties, not the whole list.
 */
export function consume(batches: readonly Batch[], quantity: number): Batch[] {
  let left = quantity;
  let index = 0;
  while (left > 0 && index < batches.length) {
    const take = Math.min(left, batches[index]!.quantity);
    left -= take;
    if (take < batches[index]!.quantity) break;
    index++;
  }
  const rest = batches.slice(index);
  const partlyTaken = quantity - batches.slice(0, index).reduce((s, b) => s + b.quantity, 0);
  if (rest.length > 0 && partlyTaken > 0) rest[0] = { ...rest[0]!, quantity: rest[0]!.quantity - partlyTaken };
  return rest;
}

/** Inserts a batch at its expiry place; the same batch and expiry merge into one line. */
export function addBatch(batches: readonly Batch[], added: Batch): Batch[] {
  const key = added.expiresAt ?? '9999';
  const same = batches.findIndex((b) => b.batch === added.batch && b.expiresAt === added.expiresAt);
  if (same >= 0) return batches.map((b, i) => (i === same ? { ...b, quantity: b.quantity + added.quantity } : b));
  let at = batches.length;
  while (at > 0 && (batches[at - 1]!.expiresAt ?? '9999') > key) at--;
  return [...batches.slice(0, at), added, ...batches.slice(at)];
}
