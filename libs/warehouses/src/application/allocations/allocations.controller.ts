import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { GetIncidentQuery, type IncidentView } from '@app/incidents';
import { DomainError } from '@app/shared';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import { AllocationNotFoundError } from '../../domain/warehouse.errors';
import { WarehouseCommandRunner, type WarehouseCommandResponse } from '../shared/warehouse-command-runner';
import { AllocationMoveRequest, AllocationRequest } from '../shared/warehouse.requests';

/** 调拨 and 出库: supplies reserved for an incident (all lines or none), then shipped, delivered or cancelled. */
@ApiTags('warehouses')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('warehouses/:id/allocations')
export class AllocationsController {
  constructor(
    private readonly runner: WarehouseCommandRunner,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Requires('warehouse.allocate')
  @HttpCode(201)
  @ApiOperation({ summary: '调拨物资给事故（全部满足或全部不调拨；不足时 409 INSUFFICIENT_STOCK）' })
  async allocate(@Param('id', uuidParam) id: string, @Body() body: AllocationRequest, @CommandCtx() context: CommandContext): Promise<WarehouseCommandResponse & { allocationId: string }> {
    const incident: IncidentView = await this.queries.execute(new GetIncidentQuery(body.incidentId, context.visibleJurisdictions ?? []));
    if (incident.status === 'closed') throw new DomainError('INCIDENT_CLOSED', 'conflict', '事故已结案，不能再调拨物资');
    if (incident.drillId) throw new DomainError('DRILL_INCIDENT', 'rule', '演练事故不动用真实库存（演练调拨见演练模块）');
    const allocationId = context.idempotencyKey ? idempotentAggregateId('allocation', context.actorId, context.idempotencyKey) : randomUUID();
    const items = body.items.map((i) => ({ materialCode: i.materialCode, quantity: i.quantity }));
    const result = await this.runner.run(id, { type: 'AllocateStock', allocationId, incidentId: body.incidentId, items, now: this.runner.now() }, context);
    const stored = result.events.find((e) => e.type === 'StockAllocated');
    return { ...result, allocationId: stored?.type === 'StockAllocated' ? stored.data.allocationId : allocationId };
  }

  @Post(':allocationId/ship')
  @Requires('warehouse.allocate')
  @HttpCode(200)
  @ApiOperation({ summary: '出库' })
  async ship(@Param('id', uuidParam) id: string, @Param('allocationId', uuidParam) allocationId: string, @Body() body: AllocationMoveRequest, @CommandCtx() context: CommandContext) {
    await this.assertIncidentVisible(id, allocationId, context);
    return this.runner.run(id, { type: 'MoveAllocation', allocationId, to: 'shipped', reason: body.reason, now: this.runner.now() }, context);
  }

  @Post(':allocationId/deliver')
  @Requires('warehouse.allocate')
  @HttpCode(200)
  @ApiOperation({ summary: '送达' })
  async deliver(@Param('id', uuidParam) id: string, @Param('allocationId', uuidParam) allocationId: string, @Body() body: AllocationMoveRequest, @CommandCtx() context: CommandContext) {
    await this.assertIncidentVisible(id, allocationId, context);
    return this.runner.run(id, { type: 'MoveAllocation', allocationId, to: 'delivered', reason: body.reason, now: this.runner.now() }, context);
  }

  @Post(':allocationId/cancel')
  @Requires('warehouse.allocate')
  @HttpCode(200)
  @ApiOperation({ summary: '取消调拨（未出库的释放预留；已出库的退回库存）' })
  async cancel(@Param('id', uuidParam) id: string, @Param('allocationId', uuidParam) allocationId: string, @Body() body: AllocationMoveRequest, @CommandCtx() context: CommandContext) {
    await this.assertIncidentVisible(id, allocationId, context);
    return this.runner.run(id, { type: 'MoveAllocation', allocationId, to: 'cancelled', reason: body.reason, now: this.runner.now() }, context);
  }

  /**
   * An allocation touches two aggregates: the warehouse (checked by the command) and the incident it serves. A
   * warehouse's own county may not ship, deliver or cancel what the city sent from it to another county's incident:
   * to such a user the allocation does not exist (404, and the incident's id is not told).
   */
  private async assertIncidentVisible(warehouseId: string, allocationId: string, context: CommandContext): Promise<void> {
    if (!context.visibleJurisdictions) return;
    const incidentId = await this.runner.openAllocationIncident(warehouseId, allocationId, context.visibleJurisdictions);
    if (incidentId === null) return;
    try {
      await this.queries.execute(new GetIncidentQuery(incidentId, context.visibleJurisdictions));
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') throw new AllocationNotFoundError();
      throw error;
    }
  }
}
