import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { CLOCK, JURISDICTIONS, type Clock, type JurisdictionRegistry } from '@app/shared';
import { WarehouseNotFoundError } from '../../domain/warehouse/warehouse.errors';
import type { WarehouseLocation } from '../../domain/warehouse/warehouse.types';
import { StockLevelRow, WarehouseRow } from './stock.entities';
import { toWarehouseView, type WarehouseView } from './stock.views';

/** A stock line as other contexts sum it up: what is on hand, reserved and available, and the minimum. */
export interface StockLevel {
  warehouseId: string;
  jurisdiction: string;
  materialCode: string;
  onHand: number;
  reserved: number;
  available: number;
  minimum: number;
}

/** A warehouse with what it can still allocate, per material code (dispatch recommendations rank these). */
export interface WarehouseAvailability {
  id: string;
  name: string;
  jurisdiction: string;
  location: WarehouseLocation;
  available: Record<string, number>;
}

export interface WarehouseFilter {
  /** A jurisdiction includes everything below it. */
  jurisdiction?: string;
  /** The actor's jurisdictions: nothing outside them is listed or found. */
  scope: readonly string[];
}

/**
 * Reads of the stock board: warehouses with their stock lines. Outside the actor's scope a warehouse is not found, so
 * existence does not leak. Near-expiry flags are computed against the clock at read time.
 */
@Injectable()
export class WarehouseStockQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(filter: WarehouseFilter): Promise<WarehouseView[]> {
    const asked = filter.jurisdiction ? this.jurisdictions.descendants(filter.jurisdiction) : filter.scope;
    const where = { jurisdiction: In(asked.filter((c) => filter.scope.includes(c))) };
    const rows = await this.dataSource.getRepository(WarehouseRow).find({ where, order: { name: 'ASC' } });
    const lines =
      rows.length === 0
        ? []
        : await this.dataSource.getRepository(StockLevelRow).find({
            where: { warehouseId: In(rows.map((r) => r.id)) },
            order: { materialCode: 'ASC' },
          });
    const now = this.clock.now();
    return rows.map((row) =>
      toWarehouseView(
        row,
        lines.filter((l) => l.warehouseId === row.id),
        this.jurisdictions,
        now,
      ),
    );
  }

  async get(id: string, scope: readonly string[]): Promise<WarehouseView> {
    const view = await this.find(id, scope);
    if (!view) throw new WarehouseNotFoundError();
    return view;
  }

  /** The warehouse as the board shows it now, or undefined (not projected yet, or outside `scope` when given). */
  async find(id: string, scope?: readonly string[]): Promise<WarehouseView | undefined> {
    const row = await this.dataSource
      .getRepository(WarehouseRow)
      .findOneBy(scope ? { id, jurisdiction: In([...scope]) } : { id });
    if (!row) return undefined;
    const lines = await this.dataSource
      .getRepository(StockLevelRow)
      .find({ where: { warehouseId: id }, order: { materialCode: 'ASC' } });
    return toWarehouseView(row, lines, this.jurisdictions, this.clock.now());
  }

  /** Every stock line of the warehouses in these jurisdictions (resource availability sums them per material). */
  async stockLevelsIn(jurisdictions: readonly string[]): Promise<StockLevel[]> {
    const rows = await this.dataSource.getRepository(StockLevelRow).find({
      where: { jurisdiction: In([...jurisdictions]) },
      order: { warehouseId: 'ASC', materialCode: 'ASC' },
    });
    return rows.map((r) => ({
      warehouseId: r.warehouseId,
      jurisdiction: r.jurisdiction,
      materialCode: r.materialCode,
      onHand: r.onHand,
      reserved: r.reserved,
      available: r.onHand - r.reserved,
      minimum: r.minimum,
    }));
  }

  /** The warehouses of these jurisdictions with what each can still allocate. */
  async availabilityIn(jurisdictions: readonly string[]): Promise<WarehouseAvailability[]> {
    const warehouses = await this.dataSource.getRepository(WarehouseRow).find({
      where: { jurisdiction: In([...jurisdictions]) },
      order: { name: 'ASC' },
    });
    const lines = await this.stockLevelsIn(jurisdictions);
    return warehouses.map((w) => ({
      id: w.id,
      name: w.name,
      jurisdiction: w.jurisdiction,
      location: w.location,
      available: Object.fromEntries(
        lines.filter((l) => l.warehouseId === w.id).map((l) => [l.materialCode, l.available]),
      ),
    }));
  }

  /**
   * Where a warehouse is, whichever jurisdiction it belongs to: for a caller with a visibility rule of its own (a drill
   * may draw on a higher level's reserve). Undefined when there is no such warehouse.
   */
  async locate(id: string): Promise<{ id: string; name: string; jurisdiction: string } | undefined> {
    const row = await this.dataSource.getRepository(WarehouseRow).findOneBy({ id });
    return row ? { id: row.id, name: row.name, jurisdiction: row.jurisdiction } : undefined;
  }
}
