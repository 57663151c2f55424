import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Brackets, DataSource, In } from 'typeorm';
import { CLOCK, DomainError, JURISDICTIONS, parseInstant, type Actor, type Clock, type JurisdictionRegistry } from '@app/shared';
import { CurrentActor, Requires } from '@app/shared/nest';
import { DutyHandoverRow, DutyShiftRow, RollCallRow } from '../../read-models/duty.entities';
import { toHandoverView, toRollCallView, toShiftView, type HandoverView, type RollCallView, type ShiftView } from '../../read-models/duty.views';
import { DutyJurisdictionQuery, ListShiftsQuery } from './duty-queries.request';

const HOUR = 3_600_000;
const MAX_RANGE_DAYS = 93;

export interface CurrentDutyView {
  jurisdiction: string;
  jurisdictionName: string;
  /** The shift on duty now, or null when nobody is scheduled (无人值班). */
  shift: ShiftView | null;
}

@ApiTags('duty')
@Controller('duty')
export class DutyQueriesController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('current')
  @Requires('duty.read')
  @ApiOperation({ summary: '当前值班：本辖区及下级辖区此刻在岗的班次（无人值班时为 null）' })
  async current(@Query() query: DutyJurisdictionQuery, @CurrentActor() actor: Actor): Promise<CurrentDutyView[]> {
    const codes = this.asked(query.jurisdiction, actor);
    const now = this.clock.now();
    const rows = await this.dataSource
      .getRepository(DutyShiftRow)
      .createQueryBuilder('s')
      .where({ jurisdiction: In(codes) })
      .andWhere('s.starts_at <= :now and s.ends_at > :now', { now })
      .getMany();
    return codes.map((code) => {
      const row = rows.find((r) => r.jurisdiction === code);
      return { jurisdiction: code, jurisdictionName: this.jurisdictions.get(code)?.name ?? code, shift: row ? toShiftView(row, this.jurisdictions, now) : null };
    });
  }

  @Get('shifts')
  @Requires('duty.read')
  @ApiOperation({ summary: '值班表：时段内的班次（本辖区及下级辖区）' })
  async shifts(@Query() query: ListShiftsQuery, @CurrentActor() actor: Actor): Promise<ShiftView[]> {
    const now = this.clock.now();
    const from = query.from ? parseInstant(query.from)! : new Date(now.getTime() - 24 * HOUR);
    const to = query.to ? parseInstant(query.to)! : new Date(now.getTime() + 7 * 24 * HOUR);
    if (to <= from) throw new DomainError('INVALID_RANGE', 'invalid', 'to 须晚于 from');
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 24 * HOUR) throw new DomainError('INVALID_RANGE', 'invalid', `查询时段最长 ${MAX_RANGE_DAYS} 天`);
    const rows = await this.dataSource
      .getRepository(DutyShiftRow)
      .createQueryBuilder('s')
      .where({ jurisdiction: In(this.asked(query.jurisdiction, actor)) })
      .andWhere('s.starts_at < :to and s.ends_at > :from', { from, to })
      .orderBy('s.jurisdiction', 'ASC')
      .addOrderBy('s.starts_at', 'ASC')
      .take(2000)
      .getMany();
    return rows.map((row) => toShiftView(row, this.jurisdictions, now));
  }

  @Get('handovers')
  @Requires('duty.read')
  @ApiOperation({ summary: '交接班记录（最近 100 条）' })
  async handovers(@Query() query: DutyJurisdictionQuery, @CurrentActor() actor: Actor): Promise<HandoverView[]> {
    const rows = await this.dataSource.getRepository(DutyHandoverRow).find({
      where: { jurisdiction: In(this.asked(query.jurisdiction, actor)) },
      order: { handedOverAt: 'DESC' },
      take: 100,
    });
    return rows.map((row) => toHandoverView(row, this.jurisdictions));
  }

  /** A called watch sees its own answer; the calling level (and above) sees every target. */
  @Get('roll-calls')
  @Requires('duty.read')
  @ApiOperation({ summary: '点名记录：各被点名辖区的应答情况（待应答、已应答、未应答）' })
  async rollCalls(@Query() query: DutyJurisdictionQuery, @CurrentActor() actor: Actor): Promise<RollCallView[]> {
    const codes = this.asked(query.jurisdiction, actor);
    const rows = await this.dataSource
      .getRepository(RollCallRow)
      .createQueryBuilder('r')
      .where(new Brackets((w) => w.where('r.jurisdiction = any(:codes)', { codes }).orWhere('r.target_jurisdictions && :codes::text[]', { codes })))
      .orderBy('r.issued_at', 'DESC')
      .take(100)
      .getMany();
    return rows.map((row) => toRollCallView(row, this.jurisdictions, (code) => actor.scope.includes(row.jurisdiction) || (actor.scope.includes(code) && codes.includes(code))));
  }

  /** The asked jurisdiction and those below it, limited to the actor's scope (outside: an empty list). */
  private asked(jurisdiction: string | undefined, actor: Actor): string[] {
    const asked = jurisdiction ? this.jurisdictions.descendants(jurisdiction) : [...actor.scope];
    return asked.filter((code) => actor.scope.includes(code));
  }
}
