import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { OutsideJurisdictionError } from '@app/shared';
import { warehouseAggregate } from '../warehouse.aggregate';
import { WarehouseAnswer, type WarehouseCommandResponse } from '../warehouse-answer';
import type { RegisterWarehouseRequest } from './register-warehouse.request';

/** 登记储备库: only inside the actor's jurisdictions; a retried request (same Idempotency-Key) names the same warehouse. */
@Injectable()
export class RegisterWarehouseHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: WarehouseAnswer,
  ) {}

  async handle(request: RegisterWarehouseRequest, context: CommandContext): Promise<WarehouseCommandResponse> {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(request.jurisdiction)) {
      throw new OutsideJurisdictionError(request.jurisdiction);
    }
    const id = context.idempotencyKey
      ? idempotentAggregateId('warehouse', context.actorId, context.idempotencyKey)
      : randomUUID();
    const command = {
      type: 'RegisterWarehouse',
      warehouseId: id,
      name: request.name,
      level: request.level,
      location: { address: request.location.address, lat: request.location.lat, lng: request.location.lng },
      jurisdiction: request.jurisdiction,
      reserveKind: request.reserveKind,
      now: this.executor.now(),
    } as const;
    return this.answer.of(
      await this.executor.execute(warehouseAggregate, id, command, { ...context, jurisdiction: request.jurisdiction }),
    );
  }
}
