import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  commandAnswer,
  CommandExecutor,
  idempotentAggregateId,
  type CommandAnswer,
  type CommandContext,
} from '@app/event-sourcing';
import { JURISDICTIONS, type JurisdictionRegistry } from '@app/shared';
import { DutyQueries } from '../../read-models/duty.queries';
import type { HandoverView } from '../../read-models/duty.views';
import { dutyWatchAggregate } from '../duty-watch.aggregate';
import { assertWatchInScope, dutyActorOf } from '../duty-actor';
import type { HandOverRequest } from './hand-over-shift.request';
import { HandoverSummaryReader } from './handover-summary.reader';

/** 交接班: the summary of open business is computed now and stored in the event: it is what was handed over. */
@Injectable()
export class HandOverShiftHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly summaries: HandoverSummaryReader,
    private readonly duty: DutyQueries,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async handle(body: HandOverRequest, context: CommandContext): Promise<HandoverView & Omit<CommandAnswer, 'id'>> {
    assertWatchInScope(body.jurisdiction, context);
    const now = this.executor.now();
    const handoverId = context.idempotencyKey
      ? idempotentAggregateId('handover', context.actorId, context.idempotencyKey)
      : randomUUID();
    const summary = await this.summaries.summarize(
      body.jurisdiction,
      this.jurisdictions.descendants(body.jurisdiction),
      now,
    );
    const executed = await this.executor.execute(
      dutyWatchAggregate,
      body.jurisdiction,
      {
        type: 'HandOverShift',
        jurisdiction: body.jurisdiction,
        handoverId,
        note: body.note,
        ...(body.toShiftId ? { toShiftId: body.toShiftId } : {}),
        summary,
        by: dutyActorOf(context),
        now,
      },
      { ...context, jurisdiction: body.jurisdiction },
    );
    const first = executed.events[0];
    const id = first?.type === 'ShiftHandedOver' ? first.data.handoverId : handoverId;
    const { id: _stream, ...written } = commandAnswer(executed);
    return { ...(await this.duty.handover(id)), ...written };
  }
}
