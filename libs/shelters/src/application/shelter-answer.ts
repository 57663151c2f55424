import { Injectable } from '@nestjs/common';
import { commandAnswer, type CommandAnswer, type Executed } from '@app/event-sourcing';
import type { ShelterView } from '../contract';
import { ShelterRegister } from '../read-models/shelter-register/shelter-register.queries';

export type ShelterCommandResponse = Partial<Omit<ShelterView, 'revision'>> & CommandAnswer;

/** Every shelter command answers with the shelter as the register now shows it, plus what the write did. */
@Injectable()
export class ShelterAnswer {
  constructor(private readonly register: ShelterRegister) {}

  async of(executed: Executed<unknown, unknown>): Promise<ShelterCommandResponse> {
    const view = await this.register.find(executed.id);
    const { revision: _revision, ...rest } = view ?? ({} as Partial<ShelterView>);
    return { ...rest, ...commandAnswer(executed) };
  }
}
