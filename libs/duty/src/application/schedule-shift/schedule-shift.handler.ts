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
import type { ScheduleShiftRequest } from './schedule-shift.request';

/** 排班: the jurisdiction's watch stream decides overlaps, so two overlapping schedules cannot both land. */
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
        leader: { name: body.leader.name, phone: body.leader.phone ?? null },
        officers: body.officers.map((o) => ({ name: o.name, phone: o.phone ?? null })),
        startsAt: parseInstant(body.startsAt)!,
        endsAt: parseInstant(body.endsAt)!,
        by: dutyActorOf(context),
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
