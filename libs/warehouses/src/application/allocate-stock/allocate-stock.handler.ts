import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { IncidentLookup } from '@app/incidents';
import { warehouseAggregate } from '../warehouse.aggregate';
import { WarehouseAnswer, type WarehouseCommandResponse } from '../warehouse-answer';
import type { AllocationRequest } from './allocate-stock.request';

export type AllocationResponse = WarehouseCommandResponse & { allocationId: string };

/**
 * 调拨: supplies reserved for an open, real incident the actor can see, all lines or none (409 INSUFFICIENT_STOCK). A
 * retried request (same Idempotency-Key) names the same allocation.
 */
@Injectable()
export class AllocateStockHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly incidents: IncidentLookup,
    private readonly answer: WarehouseAnswer,
  ) {}

  async handle(warehouseId: string, request: AllocationRequest, context: CommandContext): Promise<AllocationResponse> {
    // A retry whose first attempt was stored is answered from it, even if the incident has closed since.
    if (!context.keyApplied)
      await this.incidents.openRealIncident(request.incidentId, context.visibleJurisdictions, {
        closed: '事故已结案，不能再调拨物资',
        drill: '演练事故不动用真实库存（演练调拨见演练模块）',
      });
    const allocationId = context.idempotencyKey
      ? idempotentAggregateId('allocation', context.actorId, context.idempotencyKey)
      : randomUUID();
    const items = request.items.map((i) => ({ materialCode: i.materialCode, quantity: i.quantity }));
    const command = {
      type: 'AllocateStock',
      allocationId,
      incidentId: request.incidentId,
      items,
      now: this.executor.now(),
    } as const;
    const answer = await this.answer.of(await this.executor.execute(warehouseAggregate, warehouseId, command, context));
    // A replayed request answers with the allocation its first attempt stored.
    const stored = answer.events.find((e) => e.type === 'StockAllocated');
    return { ...answer, allocationId: stored?.type === 'StockAllocated' ? stored.data.allocationId : allocationId };
  }
}
