import { Injectable } from '@nestjs/common';
import { commandAnswer, type CommandAnswer, type Executed } from '@app/event-sourcing';
import { IncidentBoardQueries } from '../read-models/incident-board/incident-board.queries';
import type { IncidentView } from '../read-models/incident-board/incident.views';

export type IncidentCommandResponse = Partial<Omit<IncidentView, 'position' | 'revision'>> & CommandAnswer;

/** Every incident command answers with the incident as the board now shows it, plus what the write did. */
@Injectable()
export class IncidentAnswer {
  constructor(private readonly board: IncidentBoardQueries) {}

  async of(executed: Executed<unknown, unknown>): Promise<IncidentCommandResponse> {
    return { ...((await this.board.viewOf(executed.id)) ?? {}), ...commandAnswer(executed) };
  }
}
