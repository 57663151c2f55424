import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { IncidentLookup } from '@app/incidents';
import { DomainError } from '@app/shared';
import type { MoveAllocation } from '../../domain/warehouse/warehouse.commands';
import { AllocationNotFoundError, WarehouseNotFoundError } from '../../domain/warehouse/warehouse.errors';
import { warehouseAggregate } from '../warehouse.aggregate';
import { WarehouseAnswer, type WarehouseCommandResponse } from '../warehouse-answer';
import type { AllocationMoveRequest } from './move-allocation.request';

/** 出库, 送达, 取消调拨: an open allocation moves on (cancelling releases the reservation or returns the stock). */
@Injectable()
export class MoveAllocationHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly incidents: IncidentLookup,
    private readonly answer: WarehouseAnswer,
  ) {}

  async handle(
    warehouseId: string,
    allocationId: string,
    to: MoveAllocation['to'],
    request: AllocationMoveRequest,
    context: CommandContext,
  ): Promise<WarehouseCommandResponse> {
    await this.assertIncidentVisible(warehouseId, allocationId, context);
    const command = {
      type: 'MoveAllocation',
      allocationId,
      to,
      reason: request.reason,
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(warehouseAggregate, warehouseId, command, context));
  }

  /**
   * An allocation touches two aggregates: the warehouse (checked by the command) and the incident it serves. A
   * warehouse's own county may not ship, deliver or cancel what the city sent from it to another county's incident:
   * to such a user the allocation does not exist (404, and the incident's id is not told).
   */
  private async assertIncidentVisible(
    warehouseId: string,
    allocationId: string,
    context: CommandContext,
  ): Promise<void> {
    const scope = context.visibleJurisdictions;
    if (!scope) return;
    const { state } = await this.executor.load(warehouseAggregate, warehouseId);
    // Outside the actor's scope the warehouse is not found, as the command itself would answer.
    if (state.status === 'none' || !scope.includes(state.jurisdiction)) throw new WarehouseNotFoundError();
    const open = Object.prototype.hasOwnProperty.call(state.openAllocations, allocationId)
      ? state.openAllocations[allocationId]
      : undefined;
    if (!open) return;
    try {
      await this.incidents.find(open.incidentId, scope);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') throw new AllocationNotFoundError();
      throw error;
    }
  }
}
