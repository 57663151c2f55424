import { inKeysetOrder, withPageKeys, type PageRequest } from '@app/shared/nest';
import { Inject, Injectable } from '@nestjs/common';
import { Brackets, DataSource, In, IsNull, Not } from 'typeorm';
import { CLOCK, JURISDICTIONS, type Clock, type JurisdictionRegistry } from '@app/shared';
import { HandoverNotFoundError, RollCallNotFoundError } from '../domain/duty.errors';
import { DutyHandoverRow, DutyShiftRow, RollCallRow } from './duty.entities';
import {
  toHandoverView,
  toRollCallView,
  toShiftView,
  type HandoverView,
  type RollCallView,
  type ShiftView,
} from './duty.views';

export interface CurrentDutyView {
  jurisdiction: string;
  jurisdictionName: string;
  /** The shift on duty now, or null when nobody is scheduled (无人值班). */
  shift: ShiftView | null;
}

/**
 * Reads of the watch's two read models (shifts and handovers; roll calls). Every method takes the jurisdiction codes
 * already limited to the actor's scope by the caller, or the actor's scope itself.
 */
@Injectable()
export class DutyQueries {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async current(codes: readonly string[]): Promise<CurrentDutyView[]> {
    const now = this.clock.now();
    const rows = await this.dataSource
      .getRepository(DutyShiftRow)
      .createQueryBuilder('s')
      .where({ jurisdiction: In([...codes]) })
      .andWhere('s.starts_at <= :now and s.ends_at > :now', { now })
      .getMany();
    return codes.map((code) => {
      const row = rows.find((r) => r.jurisdiction === code);
      return {
        jurisdiction: code,
        jurisdictionName: this.jurisdictions.get(code)?.name ?? code,
        shift: row ? toShiftView(row, this.jurisdictions, now) : null,
      };
    });
  }

  /**
   * One page of the shifts of the window, by jurisdiction (code-unit order), start and id: a keyset range after the
   * cursor in the database (docs/api.md, "Paging every list").
   */
  async shifts(codes: readonly string[], from: Date, to: Date, page?: PageRequest): Promise<ShiftView[]> {
    const now = this.clock.now();
    const keys = ['s.jurisdiction collate "C"', 's.starts_at', 's.id'];
    const qb = this.dataSource
      .getRepository(DutyShiftRow)
      .createQueryBuilder('s')
      .where({ jurisdiction: In([...codes]) })
      .andWhere('s.starts_at < :to and s.ends_at > :from', { from, to });
    const rows = await inKeysetOrder(qb, keys, ['text', 'timestamptz', 'uuid'], page, 2000).getMany();
    return rows.map((row) =>
      withPageKeys(toShiftView(row, this.jurisdictions, now), [row.jurisdiction, row.startsAt.toISOString(), row.id]),
    );
  }

  async shift(id: string): Promise<ShiftView> {
    const row = await this.dataSource.getRepository(DutyShiftRow).findOneByOrFail({ id });
    return toShiftView(row, this.jurisdictions, this.clock.now());
  }

  /** One page of the handovers, newest first (the negated millisecond, then the id): a keyset range in SQL. */
  async handovers(codes: readonly string[], page?: PageRequest): Promise<HandoverView[]> {
    const keys = ['(-floor(extract(epoch from h.handed_over_at) * 1000))::bigint', 'h.id'];
    const qb = this.dataSource
      .getRepository(DutyHandoverRow)
      .createQueryBuilder('h')
      .where({ jurisdiction: In([...codes]) });
    const rows = await inKeysetOrder(qb, keys, ['bigint', 'uuid'], page, 100).getMany();
    return rows.map((row) =>
      withPageKeys(toHandoverView(row, this.jurisdictions), [String(-row.handedOverAt.getTime()), row.id]),
    );
  }

  async handover(id: string): Promise<HandoverView> {
    const row = await this.dataSource.getRepository(DutyHandoverRow).findOneByOrFail({ id });
    return toHandoverView(row, this.jurisdictions);
  }

  /** The newest handover of this watch still waiting for its acceptance, if any. */
  async pendingHandover(jurisdiction: string): Promise<HandoverView | null> {
    const row = await this.dataSource
      .getRepository(DutyHandoverRow)
      .findOne({ where: { jurisdiction, acceptedAt: IsNull() }, order: { handedOverAt: 'DESC' } });
    return row ? toHandoverView(row, this.jurisdictions) : null;
  }

  /**
   * The shift that took the watch from `fromShiftId` by an accepted handover, if any: a watch handed over before the
   * clock reaches the next shift's start belongs to the shift that accepted it, not to the one the clock names.
   */
  async takenOverFrom(fromShiftId: string): Promise<string | null> {
    const row = await this.dataSource.getRepository(DutyHandoverRow).findOne({
      where: { fromShiftId, acceptedAt: Not(IsNull()) },
      order: { acceptedAt: 'DESC' },
      select: { id: true, toShiftId: true },
    });
    return row?.toShiftId ?? null;
  }

  /** The watch a handover belongs to; 404 HANDOVER_NOT_FOUND when there is none in the actor's scope. */
  async handoverJurisdiction(id: string, scope: readonly string[]): Promise<string> {
    const row = await this.dataSource
      .getRepository(DutyHandoverRow)
      .findOne({ where: { id, jurisdiction: In([...scope]) }, select: { id: true, jurisdiction: true } });
    if (!row) throw new HandoverNotFoundError();
    return row.jurisdiction;
  }

  /** A called watch sees its own answer; the calling level (and above) sees every target. */
  /** One page of the roll calls, newest first (the negated millisecond, then the id): a keyset range in SQL. */
  async rollCalls(codes: readonly string[], scope: readonly string[], page?: PageRequest): Promise<RollCallView[]> {
    const keys = ['(-floor(extract(epoch from r.issued_at) * 1000))::bigint', 'r.id'];
    const qb = this.dataSource
      .getRepository(RollCallRow)
      .createQueryBuilder('r')
      .where(
        new Brackets((w) =>
          w
            .where('r.jurisdiction = any(:codes)', { codes })
            .orWhere('r.target_jurisdictions && :codes::text[]', { codes }),
        ),
      );
    const rows = await inKeysetOrder(qb, keys, ['bigint', 'uuid'], page, 100).getMany();
    return rows.map((row) =>
      withPageKeys(
        toRollCallView(
          row,
          this.jurisdictions,
          (code) => scope.includes(row.jurisdiction) || (scope.includes(code) && codes.includes(code)),
        ),
        [String(-row.issuedAt.getTime()), row.id],
      ),
    );
  }

  /** The roll call as `visible` lets the actor see its targets (all of them when omitted). */
  async rollCall(id: string, visible?: (code: string) => boolean): Promise<RollCallView> {
    const row = await this.dataSource.getRepository(RollCallRow).findOneByOrFail({ id });
    return toRollCallView(row, this.jurisdictions, visible);
  }

  /** The roll call with every target, or undefined when there is none: for a system watch checking one by id. */
  async findRollCall(id: string): Promise<RollCallView | undefined> {
    const row = await this.dataSource.getRepository(RollCallRow).findOneBy({ id });
    return row ? toRollCallView(row, this.jurisdictions) : undefined;
  }

  /** Who issued a roll call and whom it calls, for the actor's scope checks; not found outside that scope. */
  async rollCallParties(id: string, scope: readonly string[]): Promise<{ jurisdiction: string; targets: string[] }> {
    const row = await this.dataSource
      .getRepository(RollCallRow)
      .findOne({ where: { id }, select: { id: true, jurisdiction: true, targetJurisdictions: true } });
    if (!row || !(scope.includes(row.jurisdiction) || row.targetJurisdictions.some((code) => scope.includes(code))))
      throw new RollCallNotFoundError();
    return { jurisdiction: row.jurisdiction, targets: row.targetJurisdictions };
  }

  /** Open roll calls whose answer time has passed: what the roll-call scheduler records as missed. */
  async overdueRollCalls(now: Date): Promise<{ id: string; jurisdiction: string }[]> {
    return this.dataSource
      .getRepository(RollCallRow)
      .createQueryBuilder('r')
      .select(['r.id', 'r.jurisdiction'])
      .where('r.open = true and r.due_at < :now', { now })
      .take(500)
      .getMany();
  }
}
