import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { OutsideJurisdictionError } from '@app/shared';
import type { InjectKind } from '../../domain/drill/drill.types';
import { DrillAnswer, type DrillCommandResponse } from '../drill-answer';
import { drillAggregate } from '../drill.aggregate';
import { runningDrill } from '../drill-access';
import { InjectExecutor } from '../injects/inject-executor';
import { assertValidPayload } from '../injects/inject.request';
import type { ManualInjectRequest } from './manual-inject.request';

/**
 * 无脚本演练: the coordinator injects now. The inject's side effects and its record share one key (derived from the
 * request's Idempotency-Key), so a retried request neither reports twice nor records twice.
 */
@Injectable()
export class ManualInjectHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly injects: InjectExecutor,
    private readonly answer: DrillAnswer,
  ) {}

  async handle(drillId: string, body: ManualInjectRequest, context: CommandContext): Promise<DrillCommandResponse> {
    const kind = body.kind as InjectKind;
    await assertValidPayload(kind, body.payload);
    const drill = await runningDrill(this.executor, drillId, context);
    if (kind === 'report_incident') {
      const where = String(body.payload.jurisdiction);
      if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(where))
        throw new OutsideJurisdictionError(where);
    }
    const key = `drill-inject:${drillId}:manual:${context.idempotencyKey ? `${context.actorId}:${context.idempotencyKey}` : randomUUID()}`;
    const incidentId = await this.injects.execute(drill, kind, body.payload, key, context);
    const { requestHash: _h, ...rest } = context;
    const command = {
      type: 'RecordInjectExecuted',
      index: null,
      kind,
      payload: body.payload,
      incidentId,
      now: this.executor.now(),
    } as const;
    return this.answer.of(
      await this.executor.execute(drillAggregate, drillId, command, { ...rest, drillId, idempotencyKey: key }),
    );
  }
}
