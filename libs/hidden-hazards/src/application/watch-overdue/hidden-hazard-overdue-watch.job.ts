import { Inject, Injectable } from '@nestjs/common';
import { AlarmQueries } from '@app/alarms';
import { CLOCK, type Clock } from '@app/shared';
import { TickJob } from '@app/shared/nest';
import { HiddenHazardRegister } from '../../read-models/hidden-hazard-register/hidden-hazard-register.queries';
import { HiddenHazardOverdueAlarms, overdueSourceKey, parseOverdueSourceKey } from './hidden-hazard-alarms';
import {
  DEFAULT_HIDDEN_HAZARD_WATCH_PAGE_SIZE,
  HIDDEN_HAZARD_WATCH_OPTIONS,
  type HiddenHazardWatchOptions,
} from './hidden-hazard-watch-options';

/** What one tick did, for tests and logs. */
export interface HiddenHazardWatchStep {
  sourceKey: string;
  action: 'raised' | 'resolved';
}

/**
 * The overdue watch (docs/hidden-hazards.md): on every tick, from the CLOCK and the register, each hazard still being
 * rectified past its deadline has its open alarm for the current round, and each open overdue alarm whose hazard was
 * since rectified, closed, given a later deadline or sent into a new round ends. Derived from state on every tick, so a restart, a second
 * replica or a failed push changes nothing twice and misses nothing (the alarm centre is idempotent by source key).
 */
@Injectable()
export class HiddenHazardOverdueWatch extends TickJob<HiddenHazardWatchStep> {
  private readonly pageSize: number;

  constructor(
    private readonly register: HiddenHazardRegister,
    private readonly alarms: HiddenHazardOverdueAlarms,
    private readonly openAlarms: AlarmQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(HIDDEN_HAZARD_WATCH_OPTIONS) options: HiddenHazardWatchOptions,
  ) {
    super('HiddenHazardOverdueWatch', 'hidden hazard overdue watch', options.tickMs);
    this.pageSize = options.pageSize ?? DEFAULT_HIDDEN_HAZARD_WATCH_PAGE_SIZE;
  }

  protected async run(steps: HiddenHazardWatchStep[]): Promise<void> {
    const now = this.clock.now();
    const open = (await this.openAlarms.open())
      .filter((a) => a.kind === 'hidden_hazard')
      .flatMap((a) => {
        const key = parseOverdueSourceKey(a.sourceKey);
        return key ? [{ ...key, sourceKey: a.sourceKey, jurisdiction: a.jurisdiction }] : [];
      });
    const openKeys = new Set(open.map((a) => a.sourceKey));
    // Every overdue hazard, page after page: a capped read would leave those beyond the cap without an alarm.
    let after: { deadline: Date; id: string } | null = null;
    for (;;) {
      const page = await this.register.overdueRectifying(now, after, this.pageSize);
      for (const hazard of page) {
        const key = overdueSourceKey(hazard.id, hazard.round, hazard.extensions);
        if (openKeys.has(key)) continue;
        try {
          if (await this.alarms.raise(hazard, now)) steps.push({ sourceKey: key, action: 'raised' });
        } catch (error) {
          this.warn(`overdue alarm of hidden hazard ${hazard.id}`, error);
        }
      }
      if (page.length < this.pageSize) break;
      const last = page[page.length - 1]!;
      after = { deadline: last.deadline, id: last.id };
    }
    // Every open alarm's hazard, whatever its state, so that each alarm whose cause is gone ends.
    const byId = new Map(
      (
        await this.register.watchedByIds(
          open.map((a) => a.id),
          this.pageSize,
        )
      ).map((h) => [h.id, h]),
    );
    for (const alarm of open) {
      const hazard = byId.get(alarm.id);
      // A hazard the register does not hold (being rebuilt) is left alone until it is back.
      if (!hazard) continue;
      // Still the cause: rectifying, past the same deadline of the same round. A 延期 or a new round ends it.
      if (
        hazard.status === 'rectifying' &&
        hazard.deadline.getTime() < now.getTime() &&
        overdueSourceKey(hazard.id, hazard.round, hazard.extensions) === alarm.sourceKey
      )
        continue;
      try {
        if (await this.alarms.end(alarm.sourceKey, alarm.jurisdiction, now))
          steps.push({ sourceKey: alarm.sourceKey, action: 'resolved' });
      } catch (error) {
        this.warn(`overdue alarm ${alarm.sourceKey}`, error);
      }
    }
  }
}
