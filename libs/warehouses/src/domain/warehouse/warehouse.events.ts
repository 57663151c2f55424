import { EventRegistry } from '@app/event-sourcing/events';
import type {
  AllocationStatus,
  ReceiptLine,
  ReserveKind,
  StockLine,
  WarehouseLevel,
  WarehouseLocation,
} from './warehouse.types';

export interface WarehouseRegistered {
  type: 'WarehouseRegistered';
  data: {
    warehouseId: string;
    name: string;
    level: WarehouseLevel;
    location: WarehouseLocation;
    jurisdiction: string;
    reserveKind: ReserveKind;
    registeredAt: string;
  };
}

/** 入库 */
export interface StockReceived {
  type: 'StockReceived';
  data: { warehouseId: string; receiptId: string; items: ReceiptLine[]; receivedAt: string };
}

/** 调拨: stock reserved for an incident, all lines or none. */
export interface StockAllocated {
  type: 'StockAllocated';
  data: { warehouseId: string; allocationId: string; incidentId: string; items: StockLine[]; allocatedAt: string };
}

/** 出库 / delivered / cancelled: an allocation moves on. A cancel returns reserved or shipped stock. */
export interface AllocationStatusChanged {
  type: 'AllocationStatusChanged';
  data: {
    warehouseId: string;
    allocationId: string;
    incidentId: string;
    from: AllocationStatus;
    status: Exclude<AllocationStatus, 'reserved'>;
    reason: string | null;
    at: string;
  };
}

/** 盘点: the counted quantity replaces what the books said. */
export interface StockCounted {
  type: 'StockCounted';
  data: {
    warehouseId: string;
    materialCode: string;
    previous: number;
    counted: number;
    reason: string;
    countedAt: string;
  };
}

export interface MinimumLevelSet {
  type: 'MinimumLevelSet';
  data: { warehouseId: string; materialCode: string; minimum: number; setAt: string };
}

export type WarehouseEvent =
  WarehouseRegistered | StockReceived | StockAllocated | AllocationStatusChanged | StockCounted | MinimumLevelSet;

/** Every WarehouseEvent type with its schema version (1 + its upcasters: none so far); readers go through `read`. */
export const warehouseEvents = EventRegistry.of<WarehouseEvent>({
  WarehouseRegistered: {},
  StockReceived: {},
  StockAllocated: {},
  AllocationStatusChanged: {},
  StockCounted: {},
  MinimumLevelSet: {},
});
