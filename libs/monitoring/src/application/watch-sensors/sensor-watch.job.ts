import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AlarmQueries } from '@app/alarms';
import { CLOCK, type Clock } from '@app/shared';
import { TickJob } from '@app/shared/nest';
import { ReadingStore } from '../../read-models/readings/reading-store';
import type { SensorBand } from '../../contract';
import { bandSourceKey, MonitoringAlarms, offlineSourceKey, type AlarmedSensor } from '../monitoring-alarms';
import { MONITORING_OPTIONS, type MonitoringOptions } from '../monitoring-options';
import { RetireSensorHandler } from '../retire-sensor/retire-sensor.handler';
import type { RetireSensorRequest } from '../retire-sensor/retire-sensor.request';

/** What one tick did, for tests and logs. */
export type SensorWatchStep =
  | { kind: 'offline'; sensorId: string; silentSince: string | null }
  | { kind: 'reconciled'; sourceKey: string; action: 'raised' | 'resolved' }
  | { kind: 'partitions'; created: number; dropped: string[] }
  | { kind: 'retired'; sensorId: string };

/** Partitions are kept (created ahead, dropped past retention) at most this often, and at boot. */
const MAINTENANCE_EVERY_MS = 10 * 60_000;
/** Day partitions created ahead of today (and one behind, for readings that arrive late around midnight). */
const DAYS_AHEAD = 3;
const DAY_MS = 24 * 3600_000;

interface SilentSensor {
  id: string;
  code: string;
  name: string;
  unit: string;
  hazard_source_id: string;
  jurisdiction: string;
  high: number | null;
  high_high: number | null;
  low: number | null;
  low_low: number | null;
  last_reading_at: Date | null;
}

/**
 * The sensor watch (docs/monitoring.md, 离线判定与在线率): on every tick, each active sensor silent for longer than its
 * expected interval × MONITORING_OFFLINE_FACTOR (one that never reported: from its registration plus
 * MONITORING_OFFLINE_GRACE_SECONDS) goes offline and raises its offline alarm; the next reading ends it (ingestion).
 * Time comes from the CLOCK and the state from the database, so a restart or a second replica changes each sensor
 * once (row lock, re-checked condition, idempotent alarm). It also keeps the readings' day partitions.
 */
@Injectable()
export class SensorWatch extends TickJob<SensorWatchStep> {
  private maintainedAt = -Infinity;

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ReadingStore,
    private readonly alarms: MonitoringAlarms,
    private readonly openAlarms: AlarmQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MONITORING_OPTIONS) private readonly options: MonitoringOptions,
    private readonly retire: RetireSensorHandler,
  ) {
    super('SensorWatch', 'sensor watch', options.tickMs);
  }

  override onApplicationBootstrap(): void {
    super.onApplicationBootstrap();
    // Today's partitions exist before the first reading of the day, not a tick later.
    void this.tick();
  }

  protected async run(steps: SensorWatchStep[]): Promise<void> {
    const now = this.clock.now();
    if (now.getTime() - this.maintainedAt >= MAINTENANCE_EVERY_MS) {
      steps.push(await this.maintain(now));
      this.maintainedAt = now.getTime();
    }
    await this.retireOrphans(steps);
    for (const sensor of await this.silent(now)) {
      try {
        const step = await this.markOffline(sensor.id, now);
        if (step) steps.push(step);
      } catch (error) {
        this.warn(`sensor ${sensor.id} offline`, error);
      }
    }
    await this.reconcile(steps, now);
  }

  /**
   * A sensor cannot outlive its hazard source: once the unit is taken out of the register (核销), each of its active
   * sensors is retired through the sensor's own command, so its readings are refused, its open alarms end
   * (`sensor_removed`) and the online rate leaves it out, exactly as for a sensor retired by hand.
   */
  private async retireOrphans(steps: SensorWatchStep[]): Promise<void> {
    const rows = (await this.dataSource.query(
      `select s.id, s.jurisdiction from monitoring_sensors s join hazard_source_register h on h.id = s.hazard_source_id
        where s.status = 'active' and h.retired_at is not null`,
    )) as { id: string; jurisdiction: string }[];
    for (const row of rows) {
      const correlationId = randomUUID();
      try {
        await this.retire.handle(row.id, { reason: '所属危险化学品单元已核销' } as RetireSensorRequest, {
          correlationId,
          causationId: correlationId,
          actorId: 'system:sensor-watch',
          actorName: '在线监测值守',
          jurisdiction: row.jurisdiction,
        });
        steps.push({ kind: 'retired', sensorId: row.id });
      } catch (error) {
        this.warn(`sensor ${row.id} of a retired hazard source`, error);
      }
    }
  }

  /**
   * The alarms are pushed after the state that implies them committed (never inside its transaction: the alarm
   * centre's append would wait behind it). If a push failed, the state and the open alarms disagree; this puts them
   * back in line: a band or offline state without its open alarm raises it, an open monitoring alarm its sensor's
   * state no longer implies ends. The open alarms are read first and the states after, so a reading that changed a
   * state in between is seen in its newer form.
   */
  private async reconcile(steps: SensorWatchStep[], now: Date): Promise<void> {
    const open = (await this.openAlarms.open()).filter((a) => a.kind === 'monitoring');
    const openKeys = new Set(open.map((a) => a.sourceKey));
    const rows = (await this.dataSource.query(
      `select s.id, s.code, s.name, s.unit, s.hazard_source_id, s.jurisdiction, s.high, s.high_high, s.low, s.low_low,
              s.status, l.band, l.offline_alarm, l.last_value, l.last_reading_at
         from monitoring_sensors s join monitoring_sensor_live l on l.sensor_id = s.id
        where (s.status = 'active' and (l.band <> 'normal' or l.offline_alarm)) or s.id = any($1::uuid[])`,
      [[...new Set(open.map((a) => a.sourceKey.split(':')[1]).filter((id): id is string => !!id))]],
    )) as (SilentSensor & { status: string; band: SensorBand; offline_alarm: boolean; last_value: number | null })[];
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const row of rows) {
      if (row.status !== 'active') continue;
      const sensor = alarmedSensor(row);
      try {
        if (row.band !== 'normal' && !openKeys.has(bandSourceKey(row.id, row.band)) && row.last_value !== null) {
          await this.alarms.bandChanged(sensor, 'normal', row.band, row.last_value, now);
          steps.push({ kind: 'reconciled', sourceKey: bandSourceKey(row.id, row.band), action: 'raised' });
        }
        if (row.offline_alarm && !openKeys.has(offlineSourceKey(row.id))) {
          await this.alarms.wentOffline(sensor, row.last_reading_at, now);
          steps.push({ kind: 'reconciled', sourceKey: offlineSourceKey(row.id), action: 'raised' });
        }
      } catch (error) {
        this.warn(`alarms of sensor ${row.id}`, error);
      }
    }
    for (const alarm of open) {
      const [, sensorId, what] = alarm.sourceKey.split(':');
      const row = sensorId ? byId.get(sensorId) : undefined;
      if (!row || !what) continue;
      const implied =
        row.status !== 'active'
          ? false
          : what === 'offline'
            ? row.offline_alarm
            : what === row.band ||
              (what === 'high' && row.band === 'high_high') ||
              (what === 'low' && row.band === 'low_low');
      if (implied) continue;
      const reason =
        row.status !== 'active' ? 'sensor_removed' : what === 'offline' ? 'sensor_online' : 'reading_normal';
      try {
        if (await this.alarms.end(alarm.sourceKey, row.jurisdiction, reason, now))
          steps.push({ kind: 'reconciled', sourceKey: alarm.sourceKey, action: 'resolved' });
      } catch (error) {
        this.warn(`alarm ${alarm.sourceKey}`, error);
      }
    }
  }

  /** Creates the coming days' partitions and applies the retention settings. */
  async maintain(now: Date): Promise<SensorWatchStep> {
    const created = await this.store.ensurePartitions(new Date(now.getTime() - DAY_MS), DAYS_AHEAD + 2);
    const dropped = await this.store.prune(
      new Date(now.getTime() - this.options.rawRetentionDays * DAY_MS),
      new Date(now.getTime() - this.options.minuteRetentionDays * DAY_MS),
      new Date(now.getTime() - this.options.hourRetentionDays * DAY_MS),
    );
    return { kind: 'partitions', created, dropped };
  }

  private silentCondition(): string {
    return `s.status = 'active' and not l.offline_alarm
        and coalesce(l.last_received_at, s.registered_at + make_interval(secs => $2::float8))
            < $1::timestamptz - make_interval(secs => s.expected_interval_seconds * $3::float8)`;
  }

  private async silent(now: Date): Promise<{ id: string }[]> {
    return (await this.dataSource.query(
      `select s.id from monitoring_sensors s join monitoring_sensor_live l on l.sensor_id = s.id
        where ${this.silentCondition()} order by s.id limit 1000`,
      [now, this.options.offlineGraceSeconds, this.options.offlineFactor],
    )) as { id: string }[];
  }

  /**
   * Re-checked under the row's lock (a reading that arrived meanwhile keeps the sensor online); the alarm is raised
   * after the commit, and raised again by `reconcile` if that fails.
   */
  private async markOffline(sensorId: string, now: Date): Promise<SensorWatchStep | null> {
    const row = await this.dataSource.transaction(async (manager) => {
      const [found] = (await manager.query(
        `select s.id, s.code, s.name, s.unit, s.hazard_source_id, s.jurisdiction, s.high, s.high_high, s.low, s.low_low,
                l.last_reading_at
           from monitoring_sensor_live l join monitoring_sensors s on s.id = l.sensor_id
          where l.sensor_id = $4 and ${this.silentCondition()}
            for update of l skip locked`,
        [now, this.options.offlineGraceSeconds, this.options.offlineFactor, sensorId],
      )) as SilentSensor[];
      if (!found) return null;
      await manager.query(
        `update monitoring_sensor_live set online = false, offline_since = last_reading_at, offline_alarm = true
          where sensor_id = $1`,
        [sensorId],
      );
      return found;
    });
    if (!row) return null;
    await this.alarms.wentOffline(alarmedSensor(row), row.last_reading_at, now);
    return { kind: 'offline', sensorId, silentSince: row.last_reading_at?.toISOString() ?? null };
  }
}

function alarmedSensor(row: SilentSensor): AlarmedSensor {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    unit: row.unit,
    hazardSourceId: row.hazard_source_id,
    jurisdiction: row.jurisdiction,
    thresholds: { high: row.high, highHigh: row.high_high, low: row.low, lowLow: row.low_low },
  };
}
