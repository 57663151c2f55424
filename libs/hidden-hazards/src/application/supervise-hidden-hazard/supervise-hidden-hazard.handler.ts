import { Injectable } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import type { HiddenHazardCommandResponse } from '../hidden-hazard-answer';
import { HiddenHazardRunner } from '../hidden-hazard-runner';
import type { SuperviseHiddenHazardRequest } from './supervise-hidden-hazard.request';

/** 挂牌督办: the decider finds the supervising government on the hazard's line and checks the actor's level. */
@Injectable()
export class SuperviseHiddenHazardHandler {
  constructor(private readonly runner: HiddenHazardRunner) {}

  handle(
    id: string,
    body: SuperviseHiddenHazardRequest,
    actor: Actor,
    context: CommandContext,
  ): Promise<HiddenHazardCommandResponse> {
    return this.runner.run(id, actor, context, (inputs) => ({
      type: 'SuperviseHiddenHazard',
      level: body.level,
      ...inputs,
    }));
  }
}
