import { DEFAULT_TIME_ZONE, toZonedIso, type JurisdictionRegistry } from '@app/shared';
import { materialByCode } from '../../domain/materials/materials.catalogue';
import { RESERVE_KIND_LABELS, WAREHOUSE_LEVEL_LABELS } from '../../domain/warehouse/warehouse.types';
import type { StockLineView, WarehouseView } from '../../contract';
import type { StockLevelRow, WarehouseRow } from './stock.entities';

export type { StockLineView, WarehouseView } from '../../contract';

/** Expiry within this many days is flagged on the stock board (近效期). */
export const NEAR_EXPIRY_DAYS = 30;

export function toStockLineView(row: StockLevelRow, zone: string, now: Date): StockLineView {
  const material = materialByCode(row.materialCode);
  const nearExpiry =
    row.nearestExpiry !== null && row.nearestExpiry.getTime() - now.getTime() <= NEAR_EXPIRY_DAYS * 86_400_000;
  return {
    warehouseId: row.warehouseId,
    materialCode: row.materialCode,
    materialName: material?.name ?? row.materialCode,
    unit: material?.unit ?? '',
    onHand: row.onHand,
    reserved: row.reserved,
    available: row.onHand - row.reserved,
    minimum: row.minimum,
    belowMinimum: row.onHand - row.reserved < row.minimum,
    nearestExpiry: row.nearestExpiry ? toZonedIso(row.nearestExpiry, zone) : null,
    nearExpiry,
  };
}

export function toWarehouseView(
  row: WarehouseRow,
  lines: StockLevelRow[],
  jurisdictions: JurisdictionRegistry,
  now: Date,
): WarehouseView {
  const zone = jurisdictions.get(row.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    id: row.id,
    name: row.name,
    level: row.level,
    levelLabel: WAREHOUSE_LEVEL_LABELS[row.level],
    location: row.location,
    jurisdiction: row.jurisdiction,
    jurisdictionName: jurisdictions.get(row.jurisdiction)?.name ?? row.jurisdiction,
    reserveKind: row.reserveKind,
    reserveKindLabel: RESERVE_KIND_LABELS[row.reserveKind],
    revision: row.revision,
    stock: lines.map((l) => toStockLineView(l, zone, now)),
  };
}
