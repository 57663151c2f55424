import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { expertAggregate } from '../expert.aggregate';
import { ExpertAnswer, type ExpertCommandResponse } from '../expert-answer';
import { ExpertKeeper } from '../expert-keeper';
import type { UpdateExpertRequest } from './update-expert.request';

/** Only the named fields are proposed; with If-Match only on the revision the client saw (409 STALE_REVISION). */
@Injectable()
export class UpdateExpertHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly keeper: ExpertKeeper,
    private readonly answer: ExpertAnswer,
  ) {}

  async handle(
    expertId: string,
    body: UpdateExpertRequest,
    actor: Actor,
    context: CommandContext,
  ): Promise<ExpertCommandResponse> {
    await this.keeper.assertMayChange(expertId, actor);
    const executed = await this.executor.execute(
      expertAggregate,
      expertId,
      {
        type: 'UpdateExpert',
        changes: {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.specialties !== undefined ? { specialties: [...body.specialties] } : {}),
          ...(body.title !== undefined ? { title: body.title } : {}),
          ...(body.organization !== undefined ? { organization: body.organization } : {}),
          ...(body.phone !== undefined ? { phone: body.phone } : {}),
        },
        now: this.executor.now(),
      },
      context,
    );
    return this.answer.expert(executed);
  }
}
