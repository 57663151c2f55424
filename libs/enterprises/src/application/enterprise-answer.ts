import { Injectable } from '@nestjs/common';
import { commandAnswer, type CommandAnswer, type Executed } from '@app/event-sourcing';
import type { EnterpriseView } from '../contract';
import { EnterpriseRegister } from '../read-models/enterprise-register/enterprise-register.queries';

export type EnterpriseCommandResponse = Partial<Omit<EnterpriseView, 'revision'>> & CommandAnswer;

/** Every enterprise command answers with the enterprise as the register now shows it, plus what the write did. */
@Injectable()
export class EnterpriseAnswer {
  constructor(private readonly register: EnterpriseRegister) {}

  async of(executed: Executed<unknown, unknown>): Promise<EnterpriseCommandResponse> {
    const view = await this.register.find(executed.id);
    const { revision: _revision, ...rest } = view ?? ({} as Partial<EnterpriseView>);
    return { ...rest, ...commandAnswer(executed) };
  }
}
