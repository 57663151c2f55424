import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { OutsideJurisdictionError } from '@app/shared';
import { CommandCtx, Requires, uuidParam } from '@app/shared/nest';
import { WarehouseCommandRunner, type WarehouseCommandResponse } from '../shared/warehouse-command-runner';
import { MinimumLevelRequest, ReceiptRequest, RegisterWarehouseRequest, StockCountRequest } from '../shared/warehouse.requests';

/** The warehouse register and its stock book: registration, receipts (入库), counts (盘点), minimum levels. */
@ApiTags('warehouses')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('warehouses')
export class WarehouseCommandsController {
  constructor(private readonly runner: WarehouseCommandRunner) {}

  @Post()
  @Requires('warehouse.register')
  @HttpCode(201)
  @ApiOperation({ summary: '登记应急物资储备库（管理员）' })
  register(@Body() body: RegisterWarehouseRequest, @CommandCtx() context: CommandContext): Promise<WarehouseCommandResponse> {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(body.jurisdiction)) throw new OutsideJurisdictionError(body.jurisdiction);
    const id = context.idempotencyKey ? idempotentAggregateId('warehouse', context.actorId, context.idempotencyKey) : randomUUID();
    return this.runner.run(id, {
      type: 'RegisterWarehouse', warehouseId: id, name: body.name, level: body.level,
      location: { address: body.location.address, lat: body.location.lat, lng: body.location.lng },
      jurisdiction: body.jurisdiction, reserveKind: body.reserveKind, now: this.runner.now(),
    }, { ...context, jurisdiction: body.jurisdiction });
  }

  @Post(':id/receipts')
  @Requires('warehouse.stock')
  @HttpCode(201)
  @ApiOperation({ summary: '入库（可带批次与有效期）' })
  receive(@Param('id', uuidParam) id: string, @Body() body: ReceiptRequest, @CommandCtx() context: CommandContext): Promise<WarehouseCommandResponse> {
    const items = body.items.map((i) => ({ materialCode: i.materialCode, quantity: i.quantity, batch: i.batch ?? null, expiresAt: i.expiresAt ? new Date(i.expiresAt).toISOString() : null }));
    return this.runner.run(id, { type: 'ReceiveStock', receiptId: randomUUID(), items, now: this.runner.now() }, context);
  }

  @Post(':id/counts')
  @Requires('warehouse.stock')
  @HttpCode(200)
  @ApiOperation({ summary: '盘点：以实盘数为准，须写明原因' })
  count(@Param('id', uuidParam) id: string, @Body() body: StockCountRequest, @CommandCtx() context: CommandContext): Promise<WarehouseCommandResponse> {
    return this.runner.run(id, { type: 'CountStock', materialCode: body.materialCode, counted: body.counted, reason: body.reason, now: this.runner.now() }, context);
  }

  @Post(':id/minimums')
  @Requires('warehouse.stock')
  @HttpCode(200)
  @ApiOperation({ summary: '设置最低库存' })
  minimum(@Param('id', uuidParam) id: string, @Body() body: MinimumLevelRequest, @CommandCtx() context: CommandContext): Promise<WarehouseCommandResponse> {
    return this.runner.run(id, { type: 'SetMinimumLevel', materialCode: body.materialCode, minimum: body.minimum, now: this.runner.now() }, context);
  }
}
