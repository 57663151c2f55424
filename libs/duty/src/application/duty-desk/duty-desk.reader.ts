import { Inject, Injectable } from '@nestjs/common';
import { CommandExecutor } from '@app/event-sourcing';
import { IncidentLookup } from '@app/incidents';
import {
  DEFAULT_TIME_ZONE,
  JURISDICTIONS,
  OutsideJurisdictionError,
  toZonedIso,
  type Actor,
  type JurisdictionRegistry,
} from '@app/shared';
import { WarningBoardQueries } from '@app/warnings';
import type { DeskObligation, DeskWarning, DutyDeskView, HandoverView, RollCallView, ShiftView } from '../../contract';
import { DutyQueries } from '../../read-models/duty.queries';
import { dutyWatchAggregate } from '../duty-watch.aggregate';

const HOUR = 3_600_000;
/** The desk is one screen: it shows at most this many obligations (and says how many there are in all). */
export const DESK_OBLIGATION_LIMIT = 200;
const DESK_ROLL_CALL_LIMIT = 20;
const WATCH_ROLES = ['duty_officer', 'commander'];

/** May this actor accept this handover? The same rule the watch decides (docs/domain.md, 接班确认). */
export function mayAcceptHandover(handover: HandoverView, userId: string): boolean {
  return handover.incoming.length > 0
    ? handover.incoming.some((a) => a.userId === userId)
    : handover.handedOverBy.userId !== userId;
}

/**
 * 值班台: one read of everything a watch owes now — who holds the watch, the pending handover, the reporting
 * obligations of its real incidents and those below it, roll calls to answer and those it issued, warnings in force.
 * Every part is limited to the actor's scope; drill data never enters it.
 */
@Injectable()
export class DutyDeskReader {
  constructor(
    private readonly duty: DutyQueries,
    private readonly incidents: IncidentLookup,
    private readonly warnings: WarningBoardQueries,
    private readonly executor: CommandExecutor,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  /** The shift answerable now: the clock's shift, or the one that accepted the watch from it ahead of time. */
  private async holderOf(shift: ShiftView | null): Promise<ShiftView | null> {
    if (!shift) return null;
    const takenBy = await this.duty.takenOverFrom(shift.id);
    return (takenBy ? await this.duty.shift(takenBy) : null) ?? shift;
  }

  async desk(jurisdiction: string, actor: Actor): Promise<DutyDeskView> {
    if (!actor.scope.includes(jurisdiction)) throw new OutsideJurisdictionError(jurisdiction);
    const now = this.executor.now();
    const zone = this.jurisdictions.get(jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
    const below = this.jurisdictions.descendants(jurisdiction).filter((code) => actor.scope.includes(code));
    const [loaded, [current], upcoming, pending, obligations, rollCalls, warnings] = await Promise.all([
      this.executor.load(dutyWatchAggregate, jurisdiction),
      this.duty.current([jurisdiction]),
      this.duty.shifts([jurisdiction], now, new Date(now.getTime() + 7 * 24 * HOUR)),
      this.duty.pendingHandover(jurisdiction),
      this.obligations(below, now),
      this.duty.rollCalls([jurisdiction], actor.scope),
      this.warningsInForce(jurisdiction, actor.scope),
    ]);
    const shift = current?.shift ?? null;
    const nextShift = upcoming.find((s) => s.status === 'upcoming') ?? null;
    const responsibleShift = pending ? await this.duty.shift(pending.fromShiftId) : await this.holderOf(shift);
    const watchRole = actor.roles.some((role) => WATCH_ROLES.includes(role));
    const ledByActor = shift?.leader.userId === actor.userId;
    return {
      jurisdiction,
      jurisdictionName: this.jurisdictions.get(jurisdiction)?.name ?? jurisdiction,
      timeZone: zone,
      now: toZonedIso(now, zone),
      revision: Number(loaded.revision ?? -1),
      shift,
      responsibleShift,
      nextShift,
      pendingHandover: pending,
      mayAccept: watchRole && pending !== null && mayAcceptHandover(pending, actor.userId),
      maySchedule:
        actor.roles.includes('commander') ||
        actor.roles.includes('admin') ||
        (actor.roles.includes('duty_officer') && ledByActor),
      mayIssueRollCall: actor.roles.includes('commander'),
      mayHandOver: watchRole,
      obligations: obligations.list,
      obligationsTotal: obligations.total,
      rollCallsToAnswer: rollCalls
        .filter((r) => r.open && r.jurisdiction !== jurisdiction)
        .filter((r) => r.targets.some((t) => t.jurisdiction === jurisdiction && t.status === 'pending'))
        .slice(0, DESK_ROLL_CALL_LIMIT),
      rollCallsIssued: rollCalls
        .filter((r) => r.jurisdiction === jurisdiction)
        .filter((r) => r.open || Date.parse(r.issuedAt) > now.getTime() - 24 * HOUR)
        .slice(0, DESK_ROLL_CALL_LIMIT),
      warningsInForce: warnings,
      rollCallTargets: actor.roles.includes('commander')
        ? below
            .filter((code) => this.jurisdictions.get(code)?.parent === jurisdiction)
            .map((code) => ({ code, name: this.jurisdictions.get(code)?.name ?? code }))
        : [],
    };
  }

  /** The bureau's pending obligations (overdue included) of real incidents here, open or ended, earliest due first. */
  private async obligations(codes: readonly string[], now: Date): Promise<{ total: number; list: DeskObligation[] }> {
    if (codes.length === 0) return { total: 0, list: [] };
    const owed = await this.incidents.owedObligations(codes, DESK_OBLIGATION_LIMIT);
    return {
      total: owed.total,
      list: owed.obligations.map((o) => {
        const zone = this.jurisdictions.get(o.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
        return {
          ...o,
          jurisdictionName: this.jurisdictions.get(o.jurisdiction)?.name ?? o.jurisdiction,
          dueAt: toZonedIso(o.dueAt, zone),
          overdue: Date.parse(o.dueAt) < now.getTime(),
        };
      }),
    };
  }

  private async warningsInForce(jurisdiction: string, scope: readonly string[]): Promise<DeskWarning[]> {
    const active = await this.warnings.list({ status: 'active', jurisdiction, scope });
    return active.map((w) => ({
      id: w.id,
      hazard: w.hazard,
      level: w.level,
      levelLabel: w.levelLabel,
      jurisdiction: w.jurisdiction,
      jurisdictionName: w.jurisdictionName,
      expires: w.expires,
    }));
  }
}

/** The watch's open roll calls as a handover summary keeps them (instants stored in UTC). */
export function openRollCallsOf(rollCalls: readonly RollCallView[]) {
  return rollCalls
    .filter((r) => r.open)
    .map((r) => ({
      id: r.id,
      message: r.message,
      jurisdiction: r.jurisdiction,
      dueAt: new Date(Date.parse(r.dueAt)).toISOString(),
      pendingTargets: r.targets.filter((t) => t.status === 'pending').map((t) => t.jurisdiction),
    }));
}
