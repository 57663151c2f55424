import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Batch } from '../../domain/warehouse/warehouse.state';
import type {
  AllocationStatus,
  ReserveKind,
  StockLine,
  WarehouseLevel,
  WarehouseLocation,
} from '../../domain/warehouse/warehouse.types';

@Entity({ name: 'warehouses' })
export class WarehouseRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') level!: WarehouseLevel;
  @Column('jsonb') location!: WarehouseLocation;
  @Column('text') jurisdiction!: string;
  @Column('text', { name: 'reserve_kind' }) reserveKind!: ReserveKind;
  @Column('int') revision!: number;
  @Column('text') position!: string;
}

/** Stock per warehouse and material; `available` is computed by PostgreSQL and a check keeps it ≥ 0. */
@Entity({ name: 'stock_levels' })
export class StockLevelRow {
  @PrimaryColumn('uuid', { name: 'warehouse_id' }) warehouseId!: string;
  @PrimaryColumn('text', { name: 'material_code' }) materialCode!: string;
  @Column('int', { name: 'on_hand' }) onHand!: number;
  @Column('int') reserved!: number;
  @Column({ type: 'int', insert: false, update: false }) available!: number;
  @Column('int') minimum!: number;
  @Column('timestamptz', { name: 'nearest_expiry', nullable: true }) nearestExpiry!: Date | null;
  @Column('jsonb') batches!: Batch[];
  @Column('text') jurisdiction!: string;
  @Column('text') position!: string;
}

@Entity({ name: 'allocations' })
export class AllocationRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'warehouse_id' }) warehouseId!: string;
  @Column('uuid', { name: 'incident_id' }) incidentId!: string;
  @Column('jsonb') items!: StockLine[];
  @Column('text') status!: AllocationStatus;
  @Column('text') jurisdiction!: string;
  @Column('timestamptz', { name: 'allocated_at' }) allocatedAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
