import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { JURISDICTIONS, OutsideJurisdictionError, type Actor, type JurisdictionRegistry } from '@app/shared';
import { CommandCtx, CurrentActor, Requires, uuidParam } from '@app/shared/nest';
import { RollCallAnsweredByIssuerError, RollCallNotFoundError } from '../../domain/duty.errors';
import { ROLL_CALL_DEFAULT_MINUTES } from '../../domain/duty.types';
import { RollCallRow } from '../../read-models/duty.entities';
import { toRollCallView, type RollCallView } from '../../read-models/duty.views';
import { DutyCommandRunner, type Written } from '../shared/duty-command-runner';
import { AcknowledgeRollCallRequest, IssueRollCallRequest } from './roll-call.request';

@ApiTags('duty')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('duty/roll-calls')
export class RollCallController {
  constructor(
    private readonly runner: DutyCommandRunner,
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  /** 点名 from the caller's own jurisdiction to watches below it; each target's consoles get `rollcall.issued`. */
  @Post()
  @Requires('duty.rollcall')
  @HttpCode(201)
  @ApiOperation({ summary: '点名：要求下级辖区值班人员在时限内应答' })
  async issue(@Body() body: IssueRollCallRequest, @CommandCtx() context: CommandContext, @CurrentActor() actor: Actor): Promise<RollCallView & Written> {
    const outside = body.jurisdictions.find((code) => !actor.scope.includes(code));
    if (outside) throw new OutsideJurisdictionError(outside);
    const rollCallId = context.idempotencyKey ? idempotentAggregateId('rollcall', context.actorId, context.idempotencyKey) : randomUUID();
    const result = await this.runner.rollCall(rollCallId, {
      type: 'IssueRollCall',
      rollCallId,
      jurisdiction: actor.jurisdiction,
      targets: [...body.jurisdictions],
      message: body.message ?? '',
      ackWithinMinutes: body.ackWithinMinutes ?? ROLL_CALL_DEFAULT_MINUTES,
      by: this.runner.actorOf(context),
      now: this.runner.now(),
    }, { ...context, jurisdiction: actor.jurisdiction });
    const row = await this.dataSource.getRepository(RollCallRow).findOneByOrFail({ id: rollCallId });
    return { ...toRollCallView(row, this.jurisdictions), ...DutyCommandRunner.written(result) };
  }

  /**
   * 应答: by the called watch (the caller's own jurisdiction unless another one in its scope is named). The calling
   * level may not answer for the watch it checks; after the deadline the roll call is closed (409 ROLL_CALL_CLOSED).
   */
  @Post(':id/acknowledge')
  @Requires('duty.acknowledge')
  @HttpCode(200)
  @ApiOperation({ summary: '点名应答（须在应答时限内）' })
  async acknowledge(
    @Param('id', uuidParam) id: string,
    @Body() body: AcknowledgeRollCallRequest,
    @CommandCtx() context: CommandContext,
    @CurrentActor() actor: Actor,
  ): Promise<RollCallView & Written> {
    const row = await this.dataSource.getRepository(RollCallRow).findOneBy({ id });
    if (!row || !(actor.scope.includes(row.jurisdiction) || row.targetJurisdictions.some((code) => actor.scope.includes(code)))) throw new RollCallNotFoundError();
    const target = body.jurisdiction ?? actor.jurisdiction;
    if (!actor.scope.includes(target)) throw new OutsideJurisdictionError(target);
    if (actor.scope.includes(row.jurisdiction)) throw new RollCallAnsweredByIssuerError();
    const result = await this.runner.rollCall(id, { type: 'AcknowledgeRollCall', jurisdiction: target, by: this.runner.actorOf(context), now: this.runner.now() }, { ...context, jurisdiction: target });
    const updated = await this.dataSource.getRepository(RollCallRow).findOneByOrFail({ id });
    return { ...toRollCallView(updated, this.jurisdictions, (code) => actor.scope.includes(code)), ...DutyCommandRunner.written(result) };
  }
}
