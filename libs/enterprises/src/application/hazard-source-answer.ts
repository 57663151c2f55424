import { Injectable } from '@nestjs/common';
import { commandAnswer, type CommandAnswer, type Executed } from '@app/event-sourcing';
import type { HazardSourceView } from '../contract';
import { HazardSourceRegister } from '../read-models/hazard-source-register/hazard-source-register.queries';

export type HazardSourceCommandResponse = Partial<Omit<HazardSourceView, 'revision'>> & CommandAnswer;

/** Every hazard source command answers with the unit as the register now shows it, plus what the write did. */
@Injectable()
export class HazardSourceAnswer {
  constructor(private readonly register: HazardSourceRegister) {}

  async of(executed: Executed<unknown, unknown>): Promise<HazardSourceCommandResponse> {
    const view = await this.register.find(executed.id);
    return { ...(view ?? {}), ...commandAnswer(executed) };
  }
}
