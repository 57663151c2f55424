import { Injectable } from '@nestjs/common';
import { commandAnswer, type CommandAnswer, type Executed } from '@app/event-sourcing';
import { WarningBoardQueries } from '../read-models/warning-board/warning-board.queries';
import type { WarningView } from '../read-models/warning-board/warning.views';

export type WarningCommandResponse = Partial<Omit<WarningView, 'position' | 'revision'>> & CommandAnswer;

/** Every warning command answers with the warning as the board now shows it, plus what the write did. */
@Injectable()
export class WarningAnswer {
  constructor(private readonly board: WarningBoardQueries) {}

  async of(executed: Executed<unknown, unknown>): Promise<WarningCommandResponse> {
    const view = await this.board.find(executed.id);
    return { ...(view ?? {}), ...commandAnswer(executed) };
  }
}
