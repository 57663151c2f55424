import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CommandExecutor, type CommandContext } from '@app/event-sourcing';
import { IncidentLookup } from '@app/incidents';
import { DutyQueries } from '@app/duty';
import { WarehouseStockQueries } from '@app/warehouses';
import { WarningBoardQueries } from '@app/warnings';
import { CLOCK, JURISDICTIONS, type Clock, type JurisdictionRegistry } from '@app/shared';
import { TickJob } from '@app/shared/nest';
import type { AlarmCommand } from '../../domain/alarm/alarm.commands';
import { escalationLevelAt, escalationProfileOf } from '../../domain/alarm/escalation';
import { AlarmQueries } from '../../read-models/alarms/alarm.queries';
import { alarmAggregate } from '../alarm.aggregate';
import { alarmIdOf } from '../alarm-id';
import { isPushedKind } from '../alarm-centre';
import { causesOf, endedBecause, unseenSubjects, type AlarmSourcesSnapshot } from './alarm-causes';

export const ALARM_WATCH_OPTIONS = Symbol('ALARM_WATCH_OPTIONS');
export interface AlarmWatchOptions {
  tickMs: number;
}

const SYSTEM_ACTOR = 'system:alarm-watch';

/** What one tick did, for tests and logs. */
export interface AlarmWatchStep {
  alarmId: string;
  sourceKey: string;
  command: AlarmCommand['type'];
  appended: boolean;
}

/**
 * The alarm watch: on every tick, reads the sources through their owners' public queries (open real incidents and
 * their deadlines, roll calls, stock, warnings in force), raises an alarm for each cause not yet alarmed, resolves the
 * open alarms whose cause ended, and escalates the unacknowledged ones past their profile's minutes.
 *
 * Derived from stored state and the clock, never from timers or memory: a restart loses nothing, and two replicas
 * ticking at once write each change once (deterministic alarm ids, idempotent decisions, appends with the expected
 * revision re-decided on conflict). Polling rather than following the other contexts' events keeps the alarm context
 * a reader of their public contracts only, and the time-based causes (a deadline coming due) need a tick anyway.
 */
@Injectable()
export class AlarmWatch extends TickJob<AlarmWatchStep> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly incidents: IncidentLookup,
    private readonly duty: DutyQueries,
    private readonly stock: WarehouseStockQueries,
    private readonly warnings: WarningBoardQueries,
    private readonly alarms: AlarmQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(ALARM_WATCH_OPTIONS) options: AlarmWatchOptions,
  ) {
    super('AlarmWatch', 'alarm watch', options.tickMs);
  }

  protected async run(steps: AlarmWatchStep[]): Promise<void> {
    const open = await this.alarms.open();
    const snapshot = await this.completed(await this.snapshot(), open);
    const causes = causesOf(snapshot);
    const openKeys = new Set(open.map((a) => a.sourceKey));
    const now = snapshot.now;

    for (const cause of causes) {
      if (openKeys.has(cause.sourceKey)) continue;
      const alarmId = alarmIdOf(cause.sourceKey);
      await this.step(steps, alarmId, cause.sourceKey, cause.jurisdiction, {
        type: 'RaiseAlarm',
        alarm: { ...cause, alarmId },
        now,
      });
    }

    const present = new Set(causes.map((c) => c.sourceKey));
    for (const alarm of open) {
      // A pushed alarm's cause is known only to its source, which ends it (AlarmCentre.resolve).
      if (isPushedKind(alarm.kind) || present.has(alarm.sourceKey)) continue;
      const reason = endedBecause(alarm.sourceKey, snapshot, (id) => snapshot.warningStatus.get(id));
      if (!reason) continue;
      await this.step(steps, alarm.id, alarm.sourceKey, alarm.jurisdiction, { type: 'ResolveAlarm', reason, now });
    }

    for (const alarm of open) {
      if (alarm.status !== 'raised') continue;
      if (!isPushedKind(alarm.kind) && !present.has(alarm.sourceKey)) continue;
      const profile = escalationProfileOf(this.jurisdictions.lineage(alarm.jurisdiction));
      const level = escalationLevelAt(profile, alarm.raisedAt, now);
      if (level <= alarm.escalationLevel) continue;
      await this.step(steps, alarm.id, alarm.sourceKey, alarm.jurisdiction, { type: 'EscalateAlarm', level, now });
    }
  }

  /**
   * The sources as they are now: real data only (the queries leave drills out unless asked for one). The incidents are
   * complete for what can alarm (every real incident still owing a report, open or closed); roll calls and warnings
   * come from bounded lists, which `completed` fills in for the open alarms.
   */
  private async snapshot(): Promise<AlarmSourcesSnapshot & { warningStatus: Map<string, string> }> {
    const everywhere = this.jurisdictions.codes();
    const now = this.clock.now();
    const [incidents, rollCalls, warehouses, warningsInForce] = await Promise.all([
      this.incidents.incidentsOwingReports(),
      this.duty.rollCalls(everywhere, everywhere),
      this.stock.list({ scope: everywhere }),
      this.warnings.list({ status: 'active', scope: everywhere }),
    ]);
    return { now, incidents, rollCalls, warehouses, warningsInForce, warningStatus: new Map() };
  }

  /**
   * Never infers "ended" from absence in a bounded list: every subject of an open alarm that the lists did not show is
   * looked up by id and added as it stands (bounded by the number of open alarms). A subject that no longer exists
   * stays absent, and its alarm ends.
   */
  private async completed(
    snapshot: AlarmSourcesSnapshot & { warningStatus: Map<string, string> },
    open: readonly { sourceKey: string }[],
  ): Promise<AlarmSourcesSnapshot & { warningStatus: Map<string, string> }> {
    const incidents = [...snapshot.incidents];
    const rollCalls = [...snapshot.rollCalls];
    const warningsInForce = [...snapshot.warningsInForce];
    // A read that fails ends the tick here (the next tick tries again): a subject that cannot be read now is not known
    // to have ended.
    for (const subject of unseenSubjects(
      snapshot,
      open.map((a) => a.sourceKey),
    )) {
      if (subject.kind === 'deadline') {
        const incident = await this.incidents.incidentById(subject.id);
        if (incident && !incident.drillId) incidents.push(incident);
      } else if (subject.kind === 'roll_call') {
        const call = await this.duty.findRollCall(subject.id);
        if (call) rollCalls.push(call);
      } else {
        const warning = await this.warnings.find(subject.id);
        if (!warning) continue;
        snapshot.warningStatus.set(subject.id, warning.status);
        if (warning.status === 'active' && Date.parse(warning.expires) > snapshot.now.getTime()) {
          warningsInForce.push(warning);
        }
      }
    }
    return { ...snapshot, incidents, rollCalls, warningsInForce };
  }

  /** One command on one alarm; a failure is skipped (the next tick derives it again), never ends the tick. */
  private async step(
    steps: AlarmWatchStep[],
    alarmId: string,
    sourceKey: string,
    jurisdiction: string,
    command: AlarmCommand,
  ): Promise<void> {
    const correlationId = randomUUID();
    const context: CommandContext = {
      correlationId,
      causationId: correlationId,
      actorId: SYSTEM_ACTOR,
      actorName: '告警值守',
      jurisdiction,
    };
    try {
      const result = await this.executor.execute(alarmAggregate, alarmId, command, context);
      steps.push({ alarmId, sourceKey, command: command.type, appended: result.events.length > 0 });
    } catch (error) {
      this.warn(`alarm ${sourceKey}`, error);
    }
  }
}
