/**
 * What the warehouses context shows the outside world (应急物资储备库): the views its HTTP API returns and
 * `stock.changed` carries. Pure types, shared with the console (`import type` from `@app/warehouses/contract`).
 */

export type WarehouseLevel = 'city' | 'county' | 'town' | 'enterprise';
/** 实物储备, 协议储备, 产能储备. */
export type ReserveKind = 'physical' | 'agreement' | 'capacity';

export interface WarehouseLocation {
  address: string;
  lat: number;
  lng: number;
}

/** One material in one warehouse: the stock board's line and the `stock.changed` delta. */
export interface StockLineView {
  warehouseId: string;
  materialCode: string;
  materialName: string;
  unit: string;
  onHand: number;
  reserved: number;
  available: number;
  minimum: number;
  belowMinimum: boolean;
  nearestExpiry: string | null;
  /** Expiry within the near-expiry window (近效期). */
  nearExpiry: boolean;
}

/** GET /warehouses and GET /warehouses/{id}. */
export interface WarehouseView {
  id: string;
  name: string;
  level: WarehouseLevel;
  levelLabel: string;
  location: WarehouseLocation;
  jurisdiction: string;
  jurisdictionName: string;
  reserveKind: ReserveKind;
  reserveKindLabel: string;
  revision: number;
  stock: StockLineView[];
}
