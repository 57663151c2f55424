import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { RecordDrillAllocationHandler, type IncidentCommandResponse } from '@app/incidents';
import { DomainError, JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import { WarehouseStockQueries } from '@app/warehouses';
import { runningDrill, visibleOrAbove } from '../drill-access';
import { InjectExecutor } from '../injects/inject-executor';
import type { DrillAllocationRequest } from './drill-allocation.request';

export type DrillAllocationResponse = IncidentCommandResponse & { allocationId: string };

/** 演练调拨 (桌面推演): recorded on the drill's incident only; no real stock moves. */
@Injectable()
export class DrillAllocationHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly injects: InjectExecutor,
    private readonly recordAllocation: RecordDrillAllocationHandler,
    private readonly warehouses: WarehouseStockQueries,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async handle(
    drillId: string,
    body: DrillAllocationRequest,
    context: CommandContext,
  ): Promise<DrillAllocationResponse> {
    const drill = await runningDrill(this.executor, drillId, context);
    const incidentId = await this.injects.visibleDrillIncident(drill, body.incidentId, context);
    const warehouse = await this.warehouses.find(body.warehouseId);
    // Like a simulated dispatch's team: a county drill may draw on the city's reserve.
    if (!warehouse || !visibleOrAbove(warehouse.jurisdiction, context.visibleJurisdictions, this.jurisdictions)) {
      throw new DomainError('WAREHOUSE_NOT_FOUND', 'not_found', '物资储备库不存在');
    }
    const allocationId = context.idempotencyKey
      ? idempotentAggregateId('drill-allocation', context.actorId, context.idempotencyKey)
      : randomUUID();
    const items = body.items.map((i) => ({ materialCode: i.materialCode, quantity: i.quantity }));
    const result = await this.recordAllocation.handle(
      incidentId,
      { allocationId, warehouseId: body.warehouseId, items },
      { ...context, drillId },
    );
    return { ...result, allocationId };
  }
}
