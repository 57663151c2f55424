import { Injectable } from '@nestjs/common';
import { commandAnswer, type CommandAnswer, type Executed } from '@app/event-sourcing';
import type { WarehouseEvent } from '../domain/warehouse/warehouse.events';
import { WarehouseStockQueries } from '../read-models/stock/stock.queries';
import type { WarehouseView } from '../read-models/stock/stock.views';

/** Warehouse answers have always also listed the events the command appended; they still do (same fields as before). */
export type WarehouseCommandResponse = Partial<Omit<WarehouseView, 'revision'>> &
  CommandAnswer & { events: WarehouseEvent[] };

/** Every warehouse command answers with the warehouse as the stock board now shows it, plus what the write did. */
@Injectable()
export class WarehouseAnswer {
  constructor(private readonly stock: WarehouseStockQueries) {}

  async of(executed: Executed<unknown, WarehouseEvent>): Promise<WarehouseCommandResponse> {
    const view = await this.stock.find(executed.id);
    return { ...(view ?? {}), ...commandAnswer(executed), events: executed.events };
  }
}
