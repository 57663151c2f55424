import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { hazardSourceAggregate } from '../hazard-source.aggregate';
import { HazardSourceAnswer, type HazardSourceCommandResponse } from '../hazard-source-answer';
import { substancesOf } from '../hazard-substances';
import type { ReviseHazardSourceRequest } from './revise-hazard-source.request';

/** Only what the request names is proposed; the decider keeps what really changes and assesses the unit again. */
@Injectable()
export class ReviseHazardSourceHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: HazardSourceAnswer,
  ) {}

  async handle(
    id: string,
    body: ReviseHazardSourceRequest,
    context: CommandContext,
  ): Promise<HazardSourceCommandResponse> {
    const executed = await this.executor.execute(
      hazardSourceAggregate,
      id,
      {
        type: 'ReviseHazardSource',
        ...(body.name !== undefined ? { name: body.name } : {}),
        ...(body.exposedPopulation !== undefined ? { exposedPopulation: body.exposedPopulation } : {}),
        ...(body.substances !== undefined ? { substances: substancesOf(body.substances) } : {}),
        now: this.executor.now(),
      },
      context,
    );
    return this.answer.of(executed);
  }
}
