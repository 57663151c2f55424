import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { warningAggregate } from '../warning.aggregate';
import { WarningAnswer, type WarningCommandResponse } from '../warning-answer';
import { warningAuthorityOf } from '../warning-authority';
import type { UpdateWarningRequest } from './update-warning.request';

/** 调整 (CAP Update): only what the request names is proposed; the decider keeps what really changes. */
@Injectable()
export class UpdateWarningHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly answer: WarningAnswer,
  ) {}

  async handle(
    warningId: string,
    body: UpdateWarningRequest,
    context: CommandContext,
  ): Promise<WarningCommandResponse> {
    const area = body.area
      ? {
          description: body.area.description,
          polygon: body.area.polygon ? body.area.polygon.map((p) => ({ lat: p.lat, lng: p.lng })) : null,
        }
      : undefined;
    const executed = await this.executor.execute(
      warningAggregate,
      warningId,
      {
        type: 'UpdateWarning',
        changes: {
          ...(body.level !== undefined ? { level: body.level } : {}),
          ...(area !== undefined ? { area } : {}),
          ...(body.message !== undefined ? { message: body.message } : {}),
          ...(body.instruction !== undefined ? { instruction: body.instruction } : {}),
          ...(body.expires !== undefined ? { expires: new Date(body.expires) } : {}),
          ...(body.channels !== undefined ? { channels: [...body.channels] } : {}),
        },
        ...(body.reason !== undefined ? { reason: body.reason } : {}),
        authority: warningAuthorityOf(context),
        now: this.executor.now(),
      },
      context,
    );
    return this.answer.of(executed);
  }
}
