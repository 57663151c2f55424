import { Injectable } from '@nestjs/common';
import { commandAnswer, type CommandAnswer, type Executed } from '@app/event-sourcing';
import { DrillRegisterQueries } from '../read-models/drill-register/drill-register.queries';
import type { DrillView } from '../read-models/drill-register/drill.views';

export type DrillCommandResponse = Partial<Omit<DrillView, 'position' | 'revision'>> & CommandAnswer;

/** Every drill command answers with the drill as the register now shows it, plus what the write did. */
@Injectable()
export class DrillAnswer {
  constructor(private readonly drills: DrillRegisterQueries) {}

  async of(executed: Executed<unknown, unknown>): Promise<DrillCommandResponse> {
    const view = await this.drills.find(executed.id);
    return { ...(view ?? {}), ...commandAnswer(executed) };
  }
}
