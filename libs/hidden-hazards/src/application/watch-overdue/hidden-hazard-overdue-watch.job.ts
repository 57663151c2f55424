import { Inject, Injectable } from '@nestjs/common';
import { AlarmQueries } from '@app/alarms';
import { CLOCK, type Clock } from '@app/shared';
import { TickJob } from '@app/shared/nest';
import { HiddenHazardRegister } from '../../read-models/hidden-hazard-register/hidden-hazard-register.queries';
import { HiddenHazardOverdueAlarms, overdueSourceKey, parseOverdueSourceKey } from './hidden-hazard-alarms';
import { HIDDEN_HAZARD_WATCH_OPTIONS, type HiddenHazardWatchOptions } from './hidden-hazard-watch-options';

/** What one tick did, for tests and logs. */
export interface HiddenHazardWatchStep {
  sourceKey: string;
  action: 'raised' | 'resolved';
}

/**
 * The overdue watch (docs/hidden-hazards.md): on every tick, from the CLOCK and the register, each hazard still being
 * rectified past its deadline has its open alarm for the current round, and each open overdue alarm whose hazard was
 * since rectified, closed or sent into a new round ends. Derived from state on every tick, so a restart, a second
 * replica or a failed push changes nothing twice and misses nothing (the alarm centre is idempotent by source key).
 */
@Injectable()
export class HiddenHazardOverdueWatch extends TickJob<HiddenHazardWatchStep> {
  constructor(
    private readonly register: HiddenHazardRegister,
    private readonly alarms: HiddenHazardOverdueAlarms,
    private readonly openAlarms: AlarmQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(HIDDEN_HAZARD_WATCH_OPTIONS) options: HiddenHazardWatchOptions,
  ) {
    super('HiddenHazardOverdueWatch', 'hidden hazard overdue watch', options.tickMs);
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
    const hazards = await this.register.watched(
      now,
      open.map((a) => a.id),
    );
    const byId = new Map(hazards.map((h) => [h.id, h]));
    for (const hazard of hazards) {
      if (hazard.status !== 'rectifying' || hazard.deadline.getTime() >= now.getTime()) continue;
      const key = overdueSourceKey(hazard.id, hazard.round);
      if (openKeys.has(key)) continue;
      try {
        if (await this.alarms.raise(hazard, now)) steps.push({ sourceKey: key, action: 'raised' });
      } catch (error) {
        this.warn(`overdue alarm of hidden hazard ${hazard.id}`, error);
      }
    }
    for (const alarm of open) {
      const hazard = byId.get(alarm.id);
      // A hazard the register does not hold (being rebuilt) is left alone until it is back.
      if (!hazard) continue;
      if (hazard.status === 'rectifying' && hazard.round === alarm.round) continue;
      try {
        if (await this.alarms.end(alarm.sourceKey, alarm.jurisdiction, now))
          steps.push({ sourceKey: alarm.sourceKey, action: 'resolved' });
      } catch (error) {
        this.warn(`overdue alarm ${alarm.sourceKey}`, error);
      }
    }
  }
}
