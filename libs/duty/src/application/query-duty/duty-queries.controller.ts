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
import {
  CurrentActor,
  ListPage,
  pageKeysOf,
  QueryController,
  QueryGet,
  Paged,
  type ListPaging,
  type PageRequest,
} from '@app/shared/nest';
import { DutyQueries, type CurrentDutyView } from '../../read-models/duty.queries';
import type { HandoverView, RollCallView, ShiftView } from '../../read-models/duty.views';
import { DutyJurisdictionQuery, ListShiftsQuery } from './duty-queries.request';

const HOUR = 3_600_000;
const MAX_RANGE_DAYS = 93;

/** How the list pages (docs/api.md, "Paging every list"). */
const SHIFT_PAGING: ListPaging<ShiftView> = {
  list: 'shifts/1',
  order: 'jurisdiction-start',
  kinds: ['text', 'instant', 'uuid'],
  keys: (s) => pageKeysOf(s) ?? [s.jurisdiction, new Date(s.startsAt).toISOString(), s.id],
  defaultLimit: 2000,
  maxLimit: 2000,
};

/** How the list pages (docs/api.md, "Paging every list"). */
const HANDOVER_PAGING: ListPaging<HandoverView> = {
  list: 'handovers/1',
  order: 'handed-over-desc',
  kinds: ['bigint', 'uuid'],
  keys: (h) => pageKeysOf(h) ?? [String(-Date.parse(h.handedOverAt)), h.id],
  defaultLimit: 100,
  maxLimit: 500,
};

/** How the list pages (docs/api.md, "Paging every list"). */
const ROLL_CALL_PAGING: ListPaging<RollCallView> = {
  list: 'roll-calls/1',
  order: 'issued-desc',
  kinds: ['bigint', 'uuid'],
  keys: (r) => pageKeysOf(r) ?? [String(-Date.parse(r.issuedAt)), r.id],
  defaultLimit: 100,
  maxLimit: 500,
};

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

  @Paged(SHIFT_PAGING)
  @QueryGet('shifts', { requires: 'duty.read', summary: '值班表：时段内的班次（本辖区及下级辖区）' })
  shifts(
    @Query() query: ListShiftsQuery,
    @CurrentActor() actor: Actor,
    @ListPage() page: PageRequest,
  ): Promise<ShiftView[]> {
    const now = this.clock.now();
    const from = query.from ? parseInstant(query.from)! : new Date(now.getTime() - 24 * HOUR);
    const to = query.to ? parseInstant(query.to)! : new Date(now.getTime() + 7 * 24 * HOUR);
    if (to <= from) throw new DomainError('INVALID_RANGE', 'invalid', 'to 须晚于 from');
    if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 24 * HOUR)
      throw new DomainError('INVALID_RANGE', 'invalid', `查询时段最长 ${MAX_RANGE_DAYS} 天`);
    return this.duty.shifts(this.asked(query.jurisdiction, actor), from, to, page);
  }

  @Paged(HANDOVER_PAGING)
  @QueryGet('handovers', { requires: 'duty.read', summary: '交接班记录（最新在前，分页）' })
  handovers(
    @Query() query: DutyJurisdictionQuery,
    @CurrentActor() actor: Actor,
    @ListPage() page: PageRequest,
  ): Promise<HandoverView[]> {
    return this.duty.handovers(this.asked(query.jurisdiction, actor), page);
  }

  /** A called watch sees its own answer; the calling level (and above) sees every target. */
  @Paged(ROLL_CALL_PAGING)
  @QueryGet('roll-calls', {
    requires: 'duty.read',
    summary: '点名记录：各被点名辖区的应答情况（待应答、已应答、未应答）',
  })
  rollCalls(
    @Query() query: DutyJurisdictionQuery,
    @CurrentActor() actor: Actor,
    @ListPage() page: PageRequest,
  ): Promise<RollCallView[]> {
    return this.duty.rollCalls(this.asked(query.jurisdiction, actor), actor.scope, page);
  }

  /** The asked jurisdiction and those below it, limited to the actor's scope (outside: an empty list). */
  private asked(jurisdiction: string | undefined, actor: Actor): string[] {
    const asked = jurisdiction ? this.jurisdictions.descendants(jurisdiction) : [...actor.scope];
    return asked.filter((code) => actor.scope.includes(code));
  }
}
