import { Inject, Query } from '@nestjs/common';
import {
  CLOCK,
  DomainError,
  JURISDICTIONS,
  parseInstant,
  type Actor,
  type Clock,
  type JurisdictionRegistry,
} from '@app/shared';
import { CurrentActor, QueryController, QueryGet } from '@app/shared/nest';
import { DutyQueries, type CurrentDutyView } from '../../read-models/duty.queries';
import type { HandoverView, RollCallView, ShiftView } from '../../read-models/duty.views';
import { DutyJurisdictionQuery, ListShiftsQuery } from './duty-queries.request';

const HOUR = 3_600_000;
const MAX_RANGE_DAYS = 93;

@QueryController('duty', { tag: 'duty' })
export class DutyQueriesController {
  constructor(
    private readonly duty: DutyQueries,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @QueryGet('current', {
    requires: 'duty.read',
    summary: '当前值班：本辖区及下级辖区此刻在岗的班次（无人值班时为 null）',
  })
  current(@Query() query: DutyJurisdictionQuery, @CurrentActor() actor: Actor): Promise<CurrentDutyView[]> {
    return this.duty.current(this.asked(query.jurisdiction, actor));
  }

  @QueryGet('shifts', { requires: 'duty.read', summary: '值班表：时段内的班次（本辖区及下级辖区）' })
  shifts(@Query() query: ListShiftsQuery, @CurrentActor() actor: Actor): Promise<ShiftView[]> {
    const now = this.clock.now();
    const from = query.from ? parseInstant(query.from)! : new Date(now.getTime() - 24 * HOUR);
    const to = query.to ? parseInstant(query.to)! : new Date(now.getTime() + 7 * 24 * HOUR);
    if (to <= from) throw new DomainError('INVALID_RANGE', 'invalid', 'to 须晚于 from');
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 24 * HOUR)
      throw new DomainError('INVALID_RANGE', 'invalid', `查询时段最长 ${MAX_RANGE_DAYS} 天`);
    return this.duty.shifts(this.asked(query.jurisdiction, actor), from, to);
  }

  @QueryGet('handovers', { requires: 'duty.read', summary: '交接班记录（最近 100 条）' })
  handovers(@Query() query: DutyJurisdictionQuery, @CurrentActor() actor: Actor): Promise<HandoverView[]> {
    return this.duty.handovers(this.asked(query.jurisdiction, actor));
  }

  /** A called watch sees its own answer; the calling level (and above) sees every target. */
  @QueryGet('roll-calls', {
    requires: 'duty.read',
    summary: '点名记录：各被点名辖区的应答情况（待应答、已应答、未应答）',
  })
  rollCalls(@Query() query: DutyJurisdictionQuery, @CurrentActor() actor: Actor): Promise<RollCallView[]> {
    return this.duty.rollCalls(this.asked(query.jurisdiction, actor), actor.scope);
  }

  /** The asked jurisdiction and those below it, limited to the actor's scope (outside: an empty list). */
  private asked(jurisdiction: string | undefined, actor: Actor): string[] {
    const asked = jurisdiction ? this.jurisdictions.descendants(jurisdiction) : [...actor.scope];
    return asked.filter((code) => actor.scope.includes(code));
  }
}
