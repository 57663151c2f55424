import { Injectable } from '@nestjs/common';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import type { Actor } from '@app/shared';
import { PlanRegisterQueries } from '../../read-models/plan-register/plan-register.queries';
import { WorkingDayCalendars } from '../working-day-calendars/working-day-calendars';
import { planAggregate } from '../plan.aggregate';
import { PlanAnswer, type PlanCommandResponse } from '../plan-answer';
import { planAuthorOf } from '../plan-author';
import { PlanWriteAccess } from '../plan-write-access';
import type { FilePlanRequest } from './file-plan.request';

/**
 * 备案: records the filing authority and date of the version in force (a plan never published has nothing to file),
 * against the 20-working-day deadline counted with the holiday calendar in force.
 */
@Injectable()
export class FilePlanHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly access: PlanWriteAccess,
    private readonly answer: PlanAnswer,
    private readonly register: PlanRegisterQueries,
    private readonly calendars: WorkingDayCalendars,
  ) {}

  async handle(
    planId: string,
    request: FilePlanRequest,
    context: CommandContext,
    actor: Actor,
  ): Promise<PlanCommandResponse> {
    await this.access.assertMayChange(planId, actor);
    const filing = { authority: request.authority, filedAt: request.filedAt };
    const command = {
      type: 'FilePlan',
      filing,
      timeZone: await this.register.timeZoneOf(planId),
      calendar: await this.calendars.current(),
      by: planAuthorOf(context),
      now: this.executor.now(),
    } as const;
    return this.answer.of(await this.executor.execute(planAggregate, planId, command, context));
  }
}
