import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { warningAggregate } from '../warning.aggregate';
import { WarningAnswer, type WarningCommandResponse } from '../warning-answer';
import { warningAuthorityOf } from '../warning-authority';
import type { LiftWarningRequest } from './lift-warning.request';

/** 解除 (CAP Cancel): final; a lifted warning cannot be adjusted or lifted again. */
@Injectable()
export class LiftWarningHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: WarningAnswer,
  ) {}

  async handle(warningId: string, body: LiftWarningRequest, context: CommandContext): Promise<WarningCommandResponse> {
    const command = {
      type: 'LiftWarning',
      reason: body.reason,
      authority: warningAuthorityOf(context),
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(warningAggregate, warningId, command, context));
  }
}
