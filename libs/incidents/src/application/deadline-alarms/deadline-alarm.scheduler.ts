import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LiveDelta, LiveDeltaBus } from '@app/event-sourcing';
import { LIVE_DELTA_BUS } from '@app/event-sourcing/projections';
import {
  CLOCK,
  DEFAULT_TIME_ZONE,
  JURISDICTIONS,
  toZonedIso,
  type Clock,
  type JurisdictionRegistry,
} from '@app/shared';
import { TickJob } from '@app/shared/nest';
import {
  alarmOf,
  DUE_WARNING_MINUTES,
  obligationTarget,
  type Obligation,
} from '../../domain/incident/reporting-deadlines';
import type { IncidentBoardRow } from '../../read-models/incident-board/incident-board.entity';
import { IncidentBoardQueries } from '../../read-models/incident-board/incident-board.queries';

export const DEADLINE_ALARM_OPTIONS = Symbol('DEADLINE_ALARM_OPTIONS');
export interface DeadlineAlarmOptions {
  tickMs: number;
}

/**
 * Reporting-deadline alarms (docs/domain.md rule 6): on every tick, derive `deadline.due` (10 minutes before) and
 * `deadline.overdue` from the stored deadlines and the clock — no timers per deadline, so a restart loses no alarm
 * (it re-announces what is pending). Drill incidents are tracked on their board but never raise a real alarm.
 */
@Injectable()
export class DeadlineAlarmScheduler extends TickJob<LiveDelta> {
  private readonly announced = new Set<string>();
  private readonly board: IncidentBoardQueries;

  constructor(
    dataSource: DataSource,
    @Inject(LIVE_DELTA_BUS) private readonly bus: LiveDeltaBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(DEADLINE_ALARM_OPTIONS) options: DeadlineAlarmOptions,
  ) {
    super('DeadlineAlarms', 'deadline', options.tickMs);
    // Built here rather than injected: a second scheduler (a restart) is constructed from the same few parts.
    this.board = new IncidentBoardQueries(dataSource, jurisdictions, clock);
  }

  /**
   * One pass over the pending obligations of real incidents that are due within the warning window or overdue;
   * collects the alarms it announced. Only the incidents with an alarm not yet announced are read whole.
   */
  protected async run(announced: LiveDelta[]): Promise<void> {
    const now = this.clock.now();
    const alarming = await this.board.alarmingObligations(new Date(now.getTime() + DUE_WARNING_MINUTES * 60_000));
    const keysNow = new Set<string>();
    const fresh = new Set<string>();
    for (const { incidentId, obligationId, dueAt } of alarming) {
      // The alarm it is in now, as alarmOf judges it: overdue once its time has passed, due before.
      const key = `${incidentId}:${obligationId}:${dueAt.getTime() < now.getTime() ? 'overdue' : 'due'}`;
      keysNow.add(key);
      if (!this.announced.has(key)) fresh.add(incidentId);
    }
    // What is no longer pending or in its window (reported, written off, extended) is forgotten: the set stays the
    // size of what alarms now, and an obligation whose time is extended back into the window warns again.
    for (const key of this.announced) if (!keysNow.has(key)) this.announced.delete(key);
    const rows = fresh.size > 0 ? await this.board.rowsOf([...fresh]) : [];
    const deltas = rows.flatMap((row) => this.alarmsOf(row, now));
    if (deltas.length > 0) this.bus.publish(deltas);
    announced.push(...deltas);
  }

  private alarmsOf(row: IncidentBoardRow, now: Date): LiveDelta[] {
    const zone = this.jurisdictions.get(row.jurisdiction)?.timeZone ?? DEFAULT_TIME_ZONE;
    const deltas: LiveDelta[] = [];
    for (const obligation of row.deadlines as Obligation[]) {
      const alarm = alarmOf(obligation, now);
      const key = `${row.id}:${obligation.id}:${alarm}`;
      if (!alarm || this.announced.has(key)) continue;
      this.announced.add(key);
      const minutes = Math.round((Date.parse(obligation.dueAt) - now.getTime()) / 60_000);
      const what = obligation.party ? `通知${obligationTarget(obligation)}` : `向${obligationTarget(obligation)}上报`;
      deltas.push({
        name: alarm === 'due' ? 'deadline.due' : 'deadline.overdue',
        position: row.position,
        scope: { jurisdiction: row.jurisdiction, incidentId: row.id },
        data: {
          incidentId: row.id,
          title: row.title,
          obligationId: obligation.id,
          level: obligation.level,
          kind: obligation.kind,
          dueAt: toZonedIso(obligation.dueAt, zone),
          message:
            alarm === 'due'
              ? `「${row.title}」须在 ${minutes} 分钟内${what}`
              : `「${row.title}」${what}已逾期 ${durationText(-minutes)}`,
        },
      });
    }
    return deltas;
  }
}

/** A long delay in days and hours rather than tens of thousands of minutes. */
export function durationText(minutes: number): string {
  if (minutes < 60) return `${minutes} 分钟`;
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return [days ? `${days} 天` : '', hours ? `${hours} 小时` : '', !days && rest ? `${rest} 分钟` : '']
    .filter(Boolean)
    .join(' ');
}
