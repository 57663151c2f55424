import { Injectable } from '@nestjs/common';
import { commandAnswer, type CommandAnswer, type Executed } from '@app/event-sourcing';
import type { HiddenHazardView } from '../contract';
import { HiddenHazardRegister } from '../read-models/hidden-hazard-register/hidden-hazard-register.queries';

export type HiddenHazardCommandResponse = Partial<Omit<HiddenHazardView, 'revision'>> & CommandAnswer;

/** Every hidden hazard command answers with the hazard as the register now shows it, plus what the write did. */
@Injectable()
export class HiddenHazardAnswer {
  constructor(private readonly register: HiddenHazardRegister) {}

  async of(executed: Executed<unknown, unknown>): Promise<HiddenHazardCommandResponse> {
    const view = await this.register.find(executed.id);
    return { ...(view ?? {}), ...commandAnswer(executed) };
  }
}
