import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { IncidentAnswer, type IncidentCommandResponse } from '../incident-answer';
import { incidentAggregate } from '../incident.aggregate';

export interface DrillAllocationInput {
  allocationId: string;
  warehouseId: string;
  items: readonly { materialCode: string; quantity: number }[];
}

/** A drill's simulated allocation (演练调拨): recorded on the drill incident only, no stock moves. */
@Injectable()
export class RecordDrillAllocationHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: IncidentAnswer,
  ) {}

  async handle(
    incidentId: string,
    input: DrillAllocationInput,
    context: CommandContext,
  ): Promise<IncidentCommandResponse> {
    const command = {
      type: 'RecordDrillAllocation',
      allocationId: input.allocationId,
      warehouseId: input.warehouseId,
      items: input.items.map((i) => ({ materialCode: i.materialCode, quantity: i.quantity })),
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(incidentAggregate, incidentId, command, context));
  }
}
