import { Injectable } from '@nestjs/common';
import type { CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import type { HiddenHazardCommandResponse } from '../hidden-hazard-answer';
import { HiddenHazardRunner } from '../hidden-hazard-runner';
import type { VerifyHiddenHazardRequest } from './verify-hidden-hazard.request';

/** 验收: by the supervising level or above once supervised; a failed one sends the hazard back to 整改. */
@Injectable()
export class VerifyHiddenHazardHandler {
  constructor(private readonly runner: HiddenHazardRunner) {}

  handle(
    id: string,
    body: VerifyHiddenHazardRequest,
    actor: Actor,
    context: CommandContext,
  ): Promise<HiddenHazardCommandResponse> {
    return this.runner.run(id, actor, context, (inputs) => ({
      type: 'VerifyHiddenHazard',
      passed: body.passed,
      note: body.note,
      deadline: body.deadline ? new Date(body.deadline) : null,
      ...inputs,
    }));
  }
}
