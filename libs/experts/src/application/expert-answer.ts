import { Injectable } from '@nestjs/common';
import { commandAnswer, type CommandAnswer, type Executed } from '@app/event-sourcing';
import type { ConsultationView, ExpertView } from '../contract';
import { ConsultationQueries } from '../read-models/consultations/consultation.queries';
import { ExpertRegister } from '../read-models/expert-register/expert-register.queries';

export type ExpertCommandResponse = Partial<Omit<ExpertView, 'revision'>> & CommandAnswer;
export type ConsultationCommandResponse = Partial<Omit<ConsultationView, 'revision'>> & CommandAnswer;

/** Every command answers with the record as its read model now shows it, plus what the write did. */
@Injectable()
export class ExpertAnswer {
  constructor(
    private readonly register: ExpertRegister,
    private readonly consultations: ConsultationQueries,
  ) {}

  async expert(executed: Executed<unknown, unknown>): Promise<ExpertCommandResponse> {
    const view = await this.register.find(executed.id);
    const { revision: _revision, ...rest } = view ?? ({} as Partial<ExpertView>);
    return { ...rest, ...commandAnswer(executed) };
  }

  async consultation(executed: Executed<unknown, unknown>): Promise<ConsultationCommandResponse> {
    const view = await this.consultations.find(executed.id);
    const { revision: _revision, ...rest } = view ?? ({} as Partial<ConsultationView>);
    return { ...rest, ...commandAnswer(executed) };
  }
}
