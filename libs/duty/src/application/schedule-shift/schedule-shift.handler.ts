import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  commandAnswer,
  CommandExecutor,
  idempotentAggregateId,
  type CommandAnswer,
  type CommandContext,
} from '@app/event-sourcing';
import { parseInstant } from '@app/shared';
import { DutyQueries } from '../../read-models/duty.queries';
import type { ShiftView } from '../../read-models/duty.views';
import { dutyWatchAggregate } from '../duty-watch.aggregate';
import { assertWatchInScope, dutyActorOf } from '../duty-actor';
import type { DutyPerson } from '../../domain/duty.types';
import type { DutyPersonRequest, ScheduleShiftRequest } from './schedule-shift.request';

/** Roles that schedule any watch in their scope; a duty officer schedules only as the leader of the shift on duty. */
const SCHEDULING_ROLES = ['commander', 'admin'];

const person = (p: DutyPersonRequest): DutyPerson => ({
  name: p.name,
  phone: p.phone ?? null,
  ...(p.userId ? { userId: p.userId } : {}),
});

/**
 * 排班: the jurisdiction's watch stream decides overlaps, so two overlapping schedules cannot both land; it also checks a
 * duty officer's leadership of the shift on duty, so a handover of that shift racing the schedule cannot slip past.
 */
@Injectable()
export class ScheduleShiftHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly duty: DutyQueries,
  ) {}

  async handle(body: ScheduleShiftRequest, context: CommandContext): Promise<ShiftView & Omit<CommandAnswer, 'id'>> {
    assertWatchInScope(body.jurisdiction, context);
    const shiftId = context.idempotencyKey
      ? idempotentAggregateId('shift', context.actorId, context.idempotencyKey)
      : randomUUID();
    const executed = await this.executor.execute(
      dutyWatchAggregate,
      body.jurisdiction,
      {
        type: 'ScheduleShift',
        jurisdiction: body.jurisdiction,
        shiftId,
        leader: person(body.leader),
        officers: body.officers.map(person),
        startsAt: parseInstant(body.startsAt)!,
        endsAt: parseInstant(body.endsAt)!,
        by: dutyActorOf(context),
        authority: SCHEDULING_ROLES.some((role) => context.actorRoles?.includes(role)) ? 'role' : 'shift_leader',
        now: this.executor.now(),
      },
      { ...context, jurisdiction: body.jurisdiction },
    );
    // A replayed request answers with the shift its first attempt scheduled.
    const first = executed.events[0];
    const id = first?.type === 'ShiftScheduled' ? first.data.shiftId : shiftId;
    const { id: _stream, ...written } = commandAnswer(executed);
    return { ...(await this.duty.shift(id)), ...written };
  }
}
