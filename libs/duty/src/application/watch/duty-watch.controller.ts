import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { idempotentAggregateId, type CommandContext } from '@app/event-sourcing';
import { JURISDICTIONS, OutsideJurisdictionError, parseInstant, type JurisdictionRegistry } from '@app/shared';
import { CommandCtx, Requires } from '@app/shared/nest';
import { DutyHandoverRow, DutyShiftRow } from '../../read-models/duty.entities';
import { toHandoverView, toShiftView, type HandoverView, type ShiftView } from '../../read-models/duty.views';
import { DutyCommandRunner, type Written } from '../shared/duty-command-runner';
import { HandOverRequest, ScheduleShiftRequest } from './duty-watch.request';
import { HandoverSummaryReader } from './handover-summary.reader';

@ApiTags('duty')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('duty')
export class DutyWatchController {
  constructor(
    private readonly runner: DutyCommandRunner,
    private readonly summaries: HandoverSummaryReader,
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  /** 排班: one watch stream per jurisdiction decides overlaps, so two overlapping schedules cannot both land. */
  @Post('shifts')
  @Requires('duty.schedule')
  @HttpCode(201)
  @ApiOperation({ summary: '排定值班班次（带班领导、值班员、起止时间；同一辖区班次不得重叠）' })
  async schedule(@Body() body: ScheduleShiftRequest, @CommandCtx() context: CommandContext): Promise<ShiftView & Written> {
    this.assertInScope(body.jurisdiction, context);
    const shiftId = context.idempotencyKey ? idempotentAggregateId('shift', context.actorId, context.idempotencyKey) : randomUUID();
    const result = await this.runner.watch(body.jurisdiction, {
      type: 'ScheduleShift',
      jurisdiction: body.jurisdiction,
      shiftId,
      leader: { name: body.leader.name, phone: body.leader.phone ?? null },
      officers: body.officers.map((o) => ({ name: o.name, phone: o.phone ?? null })),
      startsAt: parseInstant(body.startsAt)!,
      endsAt: parseInstant(body.endsAt)!,
      by: this.runner.actorOf(context),
      now: this.runner.now(),
    }, context);
    const id = result.events[0]?.type === 'ShiftScheduled' ? result.events[0].data.shiftId : shiftId;
    const row = await this.dataSource.getRepository(DutyShiftRow).findOneByOrFail({ id });
    return { ...toShiftView(row, this.jurisdictions, this.runner.now()), ...DutyCommandRunner.written(result) };
  }

  /** 交接班: the summary of open business is computed now and stored in the event: it is what was handed over. */
  @Post('handovers')
  @Requires('duty.handover')
  @HttpCode(201)
  @ApiOperation({ summary: '交接班：记录交班班次、接班班次、交班记录，并自动附上未结事故和待报时限' })
  async handOver(@Body() body: HandOverRequest, @CommandCtx() context: CommandContext): Promise<HandoverView & Written> {
    this.assertInScope(body.jurisdiction, context);
    const now = this.runner.now();
    const handoverId = context.idempotencyKey ? idempotentAggregateId('handover', context.actorId, context.idempotencyKey) : randomUUID();
    const summary = await this.summaries.summarize(this.jurisdictions.descendants(body.jurisdiction), now);
    const result = await this.runner.watch(body.jurisdiction, {
      type: 'HandOverShift',
      jurisdiction: body.jurisdiction,
      handoverId,
      note: body.note,
      ...(body.toShiftId ? { toShiftId: body.toShiftId } : {}),
      summary,
      by: this.runner.actorOf(context),
      now,
    }, context);
    const id = result.events[0]?.type === 'ShiftHandedOver' ? result.events[0].data.handoverId : handoverId;
    const row = await this.dataSource.getRepository(DutyHandoverRow).findOneByOrFail({ id });
    return { ...toHandoverView(row, this.jurisdictions), ...DutyCommandRunner.written(result) };
  }

  private assertInScope(jurisdiction: string, context: CommandContext): void {
    if (context.visibleJurisdictions && !context.visibleJurisdictions.includes(jurisdiction)) throw new OutsideJurisdictionError(jurisdiction);
  }
}
