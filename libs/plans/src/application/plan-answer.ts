import { Injectable } from '@nestjs/common';
import { commandAnswer, type CommandAnswer, type Executed } from '@app/event-sourcing';
import { PlanRegisterQueries } from '../read-models/plan-register/plan-register.queries';
import type { PlanView } from '../read-models/plan-register/plan.views';

export type PlanCommandResponse = Partial<Omit<PlanView, 'position' | 'revision'>> & CommandAnswer;

/** Every plan command answers with the plan as the register now shows it, plus what the write did. */
@Injectable()
export class PlanAnswer {
  constructor(private readonly register: PlanRegisterQueries) {}

  async of(executed: Executed<unknown, unknown>): Promise<PlanCommandResponse> {
    const view = await this.register.find(executed.id);
    return { ...(view ?? {}), ...commandAnswer(executed) };
  }
}
