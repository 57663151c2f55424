import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, formatPosition, type EventStore } from '@app/event-store';
import { handleCommand, load, type CommandContext, type SnapshotStore } from '@app/event-sourcing';
import { PROJECTION_RUNNER, SNAPSHOT_STORE, type ProjectionRunner } from '@app/event-sourcing/projections';
import { CLOCK, JURISDICTIONS, type Clock, type JurisdictionRegistry } from '@app/shared';
import type { WarehouseCommand } from '../../domain/warehouse.commands';
import { warehouseDecider } from '../../domain/warehouse.decider';
import { WarehouseNotFoundError } from '../../domain/warehouse.errors';
import type { WarehouseEvent } from '../../domain/warehouse.events';
import { warehouseStream } from '../../domain/warehouse.types';
import { StockLevelRow, WarehouseRow } from '../../read-models/stock.entities';
import { toWarehouseView, type WarehouseView } from '../../read-models/stock.views';

export interface WarehouseCommandResponse extends Partial<Omit<WarehouseView, 'revision'>> {
  id: string;
  revision: number;
  position: string | null;
  replayed: boolean;
  events: WarehouseEvent[];
}

/** map → load (from a snapshot) → decide → append (with retry), then waits for the stock read model. */
@Injectable()
export class WarehouseCommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(SNAPSHOT_STORE) private readonly snapshots: SnapshotStore,
    private readonly dataSource: DataSource,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  async run(warehouseId: string, command: WarehouseCommand, context: CommandContext): Promise<WarehouseCommandResponse> {
    const deps = { store: this.store, clock: this.clock, snapshots: this.snapshots };
    const result = await handleCommand(deps, warehouseDecider, warehouseStream(warehouseId), command, context);
    if (result.position) await this.projections.waitFor('warehouse-stock', result.position);
    const view = await this.view(warehouseId);
    return {
      ...(view ?? {}),
      id: warehouseId,
      revision: Number(result.revision ?? -1),
      position: result.position ? formatPosition(result.position) : null,
      replayed: result.replayed,
      events: result.events,
    };
  }

  /**
   * The incident an open allocation serves, read from the warehouse's stream (null: no such open allocation). Only for
   * a warehouse inside `scope`: outside it the warehouse is not found, as the command itself would answer.
   */
  async openAllocationIncident(warehouseId: string, allocationId: string, scope: readonly string[] | undefined): Promise<string | null> {
    const { state } = await load(this.store, warehouseDecider, warehouseStream(warehouseId), this.snapshots);
    if (state.status === 'none' || (scope && !scope.includes(state.jurisdiction))) throw new WarehouseNotFoundError();
    return Object.prototype.hasOwnProperty.call(state.openAllocations, allocationId) ? state.openAllocations[allocationId]!.incidentId : null;
  }

  async view(warehouseId: string, scope?: readonly string[]): Promise<WarehouseView | undefined> {
    const row = await this.dataSource.getRepository(WarehouseRow).findOneBy({ id: warehouseId });
    if (!row || (scope && !scope.includes(row.jurisdiction))) return undefined;
    const lines = await this.dataSource.getRepository(StockLevelRow).find({ where: { warehouseId }, order: { materialCode: 'ASC' } });
    return toWarehouseView(row, lines, this.jurisdictions, this.clock.now());
  }
}
