import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import type { HiddenHazardCommand } from '../domain/hidden-hazard/hidden-hazard.commands';
import type { HiddenHazardActor, JurisdictionStep } from '../domain/hidden-hazard/hidden-hazard.types';
import { hiddenHazardAggregate } from './hidden-hazard.aggregate';
import { HiddenHazardActors } from './hidden-hazard-actors';
import { HiddenHazardAnswer, type HiddenHazardCommandResponse } from './hidden-hazard-answer';

/** What a lifecycle command is built from: the actor, the hazard's line of jurisdictions, the time. */
export interface LifecycleInputs {
  actor: HiddenHazardActor;
  line: readonly JurisdictionStep[];
  now: Date;
}

/**
 * The common path of the commands on an existing hazard (督办, 整改, 验收, 销号): the hazard's jurisdiction comes from its
 * own stream (not a read model that may lag), its line from the jurisdiction tree, then the one write path; a hazard
 * outside the actor's jurisdictions is not found (the executor's visibility check).
 */
@Injectable()
export class HiddenHazardRunner {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly actors: HiddenHazardActors,
    private readonly answer: HiddenHazardAnswer,
  ) {}

  async run(
    id: string,
    actor: Actor,
    context: CommandContext,
    build: (inputs: LifecycleInputs) => HiddenHazardCommand,
  ): Promise<HiddenHazardCommandResponse> {
    const { state } = await this.executor.load(hiddenHazardAggregate, id);
    const line = state.status === 'none' ? [] : this.actors.lineOf(state.jurisdiction);
    const command = build({ actor: await this.actors.of(actor), line, now: this.executor.now() });
    const executed = await this.executor.execute(hiddenHazardAggregate, id, command, context);
    return this.answer.of(executed);
  }
}
