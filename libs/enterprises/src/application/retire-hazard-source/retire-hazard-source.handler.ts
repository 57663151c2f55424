import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { hazardSourceAggregate } from '../hazard-source.aggregate';
import { HazardSourceAnswer, type HazardSourceCommandResponse } from '../hazard-source-answer';
import type { RetireHazardSourceRequest } from './retire-hazard-source.request';

/** 核销: the unit leaves the register; its stream and history stay. */
@Injectable()
export class RetireHazardSourceHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: HazardSourceAnswer,
  ) {}

  async handle(
    id: string,
    body: RetireHazardSourceRequest,
    context: CommandContext,
  ): Promise<HazardSourceCommandResponse> {
    const executed = await this.executor.execute(
      hazardSourceAggregate,
      id,
      { type: 'RetireHazardSource', reason: body.reason.trim(), now: this.executor.now() },
      context,
    );
    return this.answer.of(executed);
  }
}
