import { Injectable } from '@nestjs/common';
import type { Executed } from '@app/event-sourcing';
import { ScenarioNotFoundError } from '../domain/scenario/scenario.errors';
import { DrillRegisterQueries } from '../read-models/drill-register/drill-register.queries';
import type { ScenarioView } from '../read-models/drill-register/drill.views';

export type ScenarioCommandResponse = ScenarioView & { replayed: boolean };

/** Saving a scenario answers with the scenario as the library now holds it (its id among its fields). */
@Injectable()
export class ScenarioAnswer {
  constructor(private readonly drills: DrillRegisterQueries) {}

  async of(executed: Executed<unknown, unknown>): Promise<ScenarioCommandResponse> {
    const view = await this.drills.scenario(executed.id);
    if (!view) throw new ScenarioNotFoundError();
    return { ...view, replayed: executed.replayed };
  }
}
