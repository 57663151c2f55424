import { Injectable } from '@nestjs/common';
import { commandAnswer, type CommandAnswer, type Executed } from '@app/event-sourcing';
import { AlarmQueries } from '../read-models/alarms/alarm.queries';
import type { AlarmView } from '../read-models/alarms/alarm.views';

export type AlarmCommandResponse = Partial<Omit<AlarmView, 'position' | 'revision'>> & CommandAnswer;

/** An alarm command answers with the alarm as the centre now shows it, plus what the write did. */
@Injectable()
export class AlarmAnswer {
  constructor(private readonly alarms: AlarmQueries) {}

  async of(executed: Executed<unknown, unknown>): Promise<AlarmCommandResponse> {
    const view = await this.alarms.find(executed.id);
    return { ...(view ?? {}), ...commandAnswer(executed) };
  }
}
