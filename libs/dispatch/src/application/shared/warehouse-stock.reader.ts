import { Injectable } from '@nestjs/common';
import { WarehouseStockQueries } from '@app/warehouses';

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

/** The warehouses' stock board as dispatch reads it, through the warehouses context's query port. */
@Injectable()
export class WarehouseStockReader {
  constructor(private readonly warehouses: WarehouseStockQueries) {}

  async stockIn(jurisdictions: readonly string[]): Promise<StockLine[]> {
    return (await this.warehouses.stockLevelsIn(jurisdictions)).map(toLine);
  }

  /** The warehouses of these jurisdictions with their stock lines. */
  async warehousesIn(jurisdictions: readonly string[]): Promise<{ warehouses: WarehousePlace[]; lines: StockLine[] }> {
    const places = await this.warehouses.availabilityIn(jurisdictions);
    const warehouses = places.map((w) => ({ id: w.id, name: w.name, location: w.location }));
    if (warehouses.length === 0) return { warehouses, lines: [] };
    return { warehouses, lines: await this.stockIn(jurisdictions) };
  }
}

function toLine(line: StockLine): StockLine {
  return {
    warehouseId: line.warehouseId,
    materialCode: line.materialCode,
    onHand: line.onHand,
    reserved: line.reserved,
    minimum: line.minimum,
  };
}
