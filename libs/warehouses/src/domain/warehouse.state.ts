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
        change(item.materialCode, (l) => ({ ...l, onHand: l.onHand + item.quantity, batches: [...l.batches, { batch: item.batch, expiresAt: item.expiresAt, quantity: item.quantity }] }));
      }
      return { ...state, stock };
    case 'StockAllocated':
      for (const item of event.data.items) change(item.materialCode, (l) => ({ ...l, reserved: l.reserved + item.quantity }));
      return { ...state, stock, openAllocations: { ...state.openAllocations, [event.data.allocationId]: { incidentId: event.data.incidentId, items: event.data.items, status: 'reserved' } } };
    case 'AllocationStatusChanged': {
      const allocation = state.openAllocations[event.data.allocationId];
      if (!allocation) return state;
      const open = { ...state.openAllocations };
      for (const item of allocation.items) {
        if (event.data.status === 'shipped') change(item.materialCode, (l) => ({ ...l, onHand: l.onHand - item.quantity, reserved: l.reserved - item.quantity, batches: consume(l.batches, item.quantity) }));
        if (event.data.status === 'cancelled' && allocation.status === 'reserved') change(item.materialCode, (l) => ({ ...l, reserved: l.reserved - item.quantity }));
        // Shipped goods called back come home as unbatched stock.
        if (event.data.status === 'cancelled' && allocation.status === 'shipped') change(item.materialCode, (l) => ({ ...l, onHand: l.onHand + item.quantity, batches: [...l.batches, { batch: null, expiresAt: null, quantity: item.quantity }] }));
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
        batches: delta < 0 ? consume(l.batches, -delta) : delta > 0 ? [...l.batches, { batch: null, expiresAt: null, quantity: delta }] : l.batches,
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

/** First-expiry-first-out; batches without expiry go last. */
export function consume(batches: readonly Batch[], quantity: number): Batch[] {
  const ordered = [...batches].sort((a, b) => (a.expiresAt ?? '9999').localeCompare(b.expiresAt ?? '9999'));
  let left = quantity;
  const kept: Batch[] = [];
  for (const b of ordered) {
    const take = Math.min(left, b.quantity);
    left -= take;
    if (b.quantity - take > 0) kept.push({ ...b, quantity: b.quantity - take });
  }
  return kept;
}
