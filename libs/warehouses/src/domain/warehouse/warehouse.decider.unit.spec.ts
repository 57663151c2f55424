import { spec } from '@app/event-sourcing/testing';
import type { WarehouseCommand } from './warehouse.commands';
import { warehouseDecider } from './warehouse.decider';
import {
  AllocationNotFoundError,
  CountBelowReservedError,
  IllegalAllocationMoveError,
  InsufficientStockError,
  UnknownMaterialError,
  WarehouseAlreadyRegisteredError,
  WarehouseNotFoundError,
} from './warehouse.errors';
import type { WarehouseEvent, WarehouseRegistered } from './warehouse.events';

const now = new Date('2026-11-23T03:00:00Z');
const at = now.toISOString();
const earlier = '2026-11-22T03:00:00.000Z';
const warehouseId = '3c2b1a09-0000-4000-8000-000000000001';
const incidentId = 'a6d1c6a4-8f3e-4a43-9d43-5b1d7b7c2e10';
const TENTS = '1010101';
const PUMPS = '2010102';

const register: WarehouseCommand = {
  type: 'RegisterWarehouse',
  warehouseId,
  name: '中卫市救灾物资储备库',
  level: 'city',
  location: { address: '中卫市沙坡头区', lat: 37.5, lng: 105.2 },
  jurisdiction: '640500',
  reserveKind: 'physical',
  now,
};
const move = (allocationId: string, to: 'shipped' | 'delivered' | 'cancelled'): WarehouseCommand => ({
  type: 'MoveAllocation',
  allocationId,
  to,
  now,
});

// The history, as the stream would hold it: 10 tents on hand, 4 of them reserved for allocation a1.
const registered: WarehouseRegistered = {
  type: 'WarehouseRegistered',
  data: {
    warehouseId,
    name: '中卫市救灾物资储备库',
    level: 'city',
    location: { address: '中卫市沙坡头区', lat: 37.5, lng: 105.2 },
    jurisdiction: '640500',
    reserveKind: 'physical',
    registeredAt: earlier,
  },
};
const received: WarehouseEvent = {
  type: 'StockReceived',
  data: {
    warehouseId,
    receiptId: 'r1',
    items: [{ materialCode: TENTS, quantity: 10, batch: null, expiresAt: null }],
    receivedAt: earlier,
  },
};
const allocated: WarehouseEvent = {
  type: 'StockAllocated',
  data: {
    warehouseId,
    allocationId: 'a1',
    incidentId,
    items: [{ materialCode: TENTS, quantity: 4 }],
    allocatedAt: earlier,
  },
};
const shipped: WarehouseEvent = {
  type: 'AllocationStatusChanged',
  data: { warehouseId, allocationId: 'a1', incidentId, from: 'reserved', status: 'shipped', reason: null, at: earlier },
};

const warehouse = spec(warehouseDecider);

describe('a warehouse not yet registered', () => {
  it('is registered in its jurisdiction', () => {
    const { state } = warehouse
      .when(register)
      .then([{ type: 'WarehouseRegistered', data: { ...registered.data, registeredAt: at } }]);
    expect(warehouseDecider.scopeOf!(state)).toEqual({ jurisdiction: '640500' });
  });
  it('takes no stock', () => {
    warehouse
      .when({
        type: 'ReceiveStock',
        receiptId: 'r1',
        items: [{ materialCode: TENTS, quantity: 1, batch: null, expiresAt: null }],
        now,
      })
      .thenThrows(WarehouseNotFoundError, 'WAREHOUSE_NOT_FOUND');
  });
});

describe('a warehouse with stock', () => {
  const stocked = warehouse.given([registered, received, allocated]);
  it('cannot be registered twice', () => {
    stocked.when(register).thenThrows(WarehouseAlreadyRegisteredError, 'WAREHOUSE_ALREADY_REGISTERED');
  });
  it('receives only materials of the catalogue', () => {
    stocked
      .when({
        type: 'ReceiveStock',
        receiptId: 'r2',
        items: [{ materialCode: '9999999', quantity: 1, batch: null, expiresAt: null }],
        now,
      })
      .thenThrows(UnknownMaterialError, 'UNKNOWN_MATERIAL');
  });
  it('allocates what is available (on hand − reserved), summing lines of one material', () => {
    const { state } = stocked
      .when({
        type: 'AllocateStock',
        allocationId: 'a2',
        incidentId,
        items: [
          { materialCode: TENTS, quantity: 2 },
          { materialCode: TENTS, quantity: 4 },
        ],
        now,
      })
      .then([
        {
          type: 'StockAllocated',
          data: {
            warehouseId,
            allocationId: 'a2',
            incidentId,
            items: [{ materialCode: TENTS, quantity: 6 }],
            allocatedAt: at,
          },
        },
      ]);
    if (state.status !== 'active') throw new Error('no warehouse');
    expect(state.stock[TENTS]).toMatchObject({ onHand: 10, reserved: 10 });
  });
  it('refuses the whole allocation when any line is short, naming each shortfall', () => {
    const error = stocked
      .when({
        type: 'AllocateStock',
        allocationId: 'a2',
        incidentId,
        items: [
          { materialCode: TENTS, quantity: 7 },
          { materialCode: PUMPS, quantity: 1 },
        ],
        now,
      })
      .thenThrows(InsufficientStockError, 'INSUFFICIENT_STOCK');
    expect(error.details).toEqual({
      shortfalls: [
        { materialCode: TENTS, requested: 7, available: 6 },
        { materialCode: PUMPS, requested: 1, available: 0 },
      ],
    });
  });
  it('refuses a count below what is reserved', () => {
    stocked
      .when({ type: 'CountStock', materialCode: TENTS, counted: 3, reason: '盘点', now })
      .thenThrows(CountBelowReservedError, 'COUNT_BELOW_RESERVED');
    stocked.when({ type: 'CountStock', materialCode: TENTS, counted: 4, reason: '盘点', now }).then([
      {
        type: 'StockCounted',
        data: { warehouseId, materialCode: TENTS, previous: 10, counted: 4, reason: '盘点', countedAt: at },
      },
    ]);
  });
  it('sets a minimum level', () => {
    stocked
      .when({ type: 'SetMinimumLevel', materialCode: TENTS, minimum: 5, now })
      .then([{ type: 'MinimumLevelSet', data: { warehouseId, materialCode: TENTS, minimum: 5, setAt: at } }]);
  });
});

describe('an allocation', () => {
  const reserved = warehouse.given([registered, received, allocated]);
  it('moves reserved → shipped → delivered, a repeat changes nothing', () => {
    reserved.when(move('a1', 'shipped')).then([
      {
        type: 'AllocationStatusChanged',
        data: { warehouseId, allocationId: 'a1', incidentId, from: 'reserved', status: 'shipped', reason: null, at },
      },
    ]);
    warehouse.given([registered, received, allocated, shipped]).when(move('a1', 'shipped')).thenNothing();
    const { state } = warehouse
      .given([registered, received, allocated, shipped])
      .when(move('a1', 'delivered'))
      .then([
        expect.objectContaining({
          type: 'AllocationStatusChanged',
          data: expect.objectContaining({ from: 'shipped', status: 'delivered' }),
        }),
      ]);
    if (state.status !== 'active') throw new Error('no warehouse');
    expect(state.stock[TENTS]).toMatchObject({ onHand: 6, reserved: 0 });
  });
  it('cancelled gives its stock back', () => {
    const { state } = reserved
      .when(move('a1', 'cancelled'))
      .then([expect.objectContaining({ data: expect.objectContaining({ from: 'reserved', status: 'cancelled' }) })]);
    if (state.status !== 'active') throw new Error('no warehouse');
    expect(state.stock[TENTS]).toMatchObject({ onHand: 10, reserved: 0 });
  });
  it('cannot skip shipping, and an unknown or closed allocation is not found', () => {
    reserved.when(move('a1', 'delivered')).thenThrows(IllegalAllocationMoveError, 'ILLEGAL_ALLOCATION_TRANSITION');
    reserved.when(move('nope', 'shipped')).thenThrows(AllocationNotFoundError, 'ALLOCATION_NOT_FOUND');
    const cancelled: WarehouseEvent = {
      type: 'AllocationStatusChanged',
      data: {
        warehouseId,
        allocationId: 'a1',
        incidentId,
        from: 'reserved',
        status: 'cancelled',
        reason: null,
        at: earlier,
      },
    };
    warehouse
      .given([registered, received, allocated, cancelled])
      .when(move('a1', 'shipped'))
      .thenThrows(AllocationNotFoundError, 'ALLOCATION_NOT_FOUND');
  });
});
