import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { StockLevelRow, WarehouseRow } from '@app/warehouses';

export interface StockLine {
  warehouseId: string;
  materialCode: string;
  onHand: number;
  reserved: number;
  minimum: number;
}

export interface WarehousePlace {
  id: string;
  name: string;
  location: { lat: number; lng: number };
}

/**
 * The warehouses' stock board, as far as dispatch reads it. Transitional: the warehouses context has no query port
 * for it yet; once it has, these two reads move behind it and dispatch stops naming its tables.
 */
@Injectable()
export class WarehouseStockReader {
  constructor(private readonly dataSource: DataSource) {}

  async stockIn(jurisdictions: readonly string[]): Promise<StockLine[]> {
    return (await this.dataSource.getRepository(StockLevelRow).findBy({ jurisdiction: In([...jurisdictions]) })).map(toLine);
  }

  /** The warehouses of these jurisdictions with their stock lines. */
  async warehousesIn(jurisdictions: readonly string[]): Promise<{ warehouses: WarehousePlace[]; lines: StockLine[] }> {
    const rows = await this.dataSource.getRepository(WarehouseRow).findBy({ jurisdiction: In([...jurisdictions]) });
    const warehouses = rows.map((w) => ({ id: w.id, name: w.name, location: w.location }));
    if (warehouses.length === 0) return { warehouses, lines: [] };
    const lines = await this.dataSource.getRepository(StockLevelRow).findBy({ warehouseId: In(warehouses.map((w) => w.id)) });
    return { warehouses, lines: lines.map(toLine) };
  }
}

function toLine(row: StockLevelRow): StockLine {
  return { warehouseId: row.warehouseId, materialCode: row.materialCode, onHand: row.onHand, reserved: row.reserved, minimum: row.minimum };
}
