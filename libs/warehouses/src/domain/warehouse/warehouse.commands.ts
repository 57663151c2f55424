import type { ReceiptLine, ReserveKind, StockLine, WarehouseLevel, WarehouseLocation } from './warehouse.types';

export interface RegisterWarehouse {
  type: 'RegisterWarehouse';
  warehouseId: string;
  name: string;
  level: WarehouseLevel;
  location: WarehouseLocation;
  jurisdiction: string;
  reserveKind: ReserveKind;
  now: Date;
}

export interface ReceiveStock {
  type: 'ReceiveStock';
  receiptId: string;
  items: ReceiptLine[];
  now: Date;
}

export interface AllocateStock {
  type: 'AllocateStock';
  allocationId: string;
  incidentId: string;
  items: StockLine[];
  now: Date;
}

export interface MoveAllocation {
  type: 'MoveAllocation';
  allocationId: string;
  to: 'shipped' | 'delivered' | 'cancelled';
  reason?: string;
  now: Date;
}

export interface CountStock {
  type: 'CountStock';
  materialCode: string;
  counted: number;
  reason: string;
  now: Date;
}

export interface SetMinimumLevel {
  type: 'SetMinimumLevel';
  materialCode: string;
  minimum: number;
  now: Date;
}

export type WarehouseCommand =
  RegisterWarehouse | ReceiveStock | AllocateStock | MoveAllocation | CountStock | SetMinimumLevel;
