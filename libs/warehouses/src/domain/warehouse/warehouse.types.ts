import type { WarehouseLevel, ReserveKind } from '../../contract';

// The values the outside world sees are defined once, in the context's contract.
export type { WarehouseLevel, ReserveKind } from '../../contract';

/** Warehouse levels and reserve kinds (docs/domain.md rule 17: 实物储备 / 市场(协议)储备 / 产能储备). */
export const WAREHOUSE_LEVELS = ['city', 'county', 'town', 'enterprise'] as const satisfies readonly WarehouseLevel[];

export const RESERVE_KINDS = ['physical', 'agreement', 'capacity'] as const satisfies readonly ReserveKind[];

export const RESERVE_KIND_LABELS: Readonly<Record<ReserveKind, string>> = {
  physical: '实物储备',
  agreement: '协议储备',
  capacity: '产能储备',
};
export const WAREHOUSE_LEVEL_LABELS: Readonly<Record<WarehouseLevel, string>> = {
  city: '市级',
  county: '县级',
  town: '乡镇级',
  enterprise: '企业',
};

export interface WarehouseLocation {
  address: string;
  lat: number;
  lng: number;
}

export interface StockLine {
  materialCode: string;
  quantity: number;
}

export interface ReceiptLine extends StockLine {
  batch: string | null;
  /** ISO instant, or null for supplies that do not expire. */
  expiresAt: string | null;
}

export const ALLOCATION_STATUSES = ['reserved', 'shipped', 'delivered', 'cancelled'] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];

export const warehouseStream = (warehouseId: string): string => `warehouse-${warehouseId}`;
