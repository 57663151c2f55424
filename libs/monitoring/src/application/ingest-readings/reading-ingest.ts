import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@app/shared';
import { isDatabaseUnavailable } from '@app/shared/nest';
import type { ReadingsAccepted, SensorBand } from '../../contract';
import { evaluateReadings, policyOf, type PendingRun } from '../../domain/threshold/threshold-evaluator';
import { ReadingStore, type StoredReading } from '../../read-models/readings/reading-store';
import { MonitoringAlarms, type AlarmedSensor } from '../monitoring-alarms';
import { MONITORING_OPTIONS, type MonitoringOptions } from '../monitoring-options';
import { MonitoringCounters, type IngestVia } from './monitoring-counters';
import { checkReading } from './reading-validation';

/** The gateway a batch came from, as its device key says (never as the payload says). */
export interface IngestDevice {
  enterpriseId: string;
  creditCode: string;
  jurisdiction: string;
}

export interface IncomingReading {
  sensorCode: string;
  value: unknown;
  at: unknown;
}

/** A batch this large is written at once instead of waiting for the flush window. */
const FLUSH_AT_READINGS = 2000;
/** How long a sensor code → sensor lookup is trusted (a retired sensor's readings are refused within this). */
const LOOKUP_TTL_MS = 5_000;

interface KnownSensor {
  id: string;
  status: 'active' | 'retired';
  seenAt: number;
}

type AlarmAction = () => Promise<void>;

interface Pending {
  readings: StoredReading[];
  /** With the readings that could not be stored even on their own (refused to the caller, never a 500). */
  resolve: (unstored: ReadonlySet<StoredReading>) => void;
  reject: (error: unknown) => void;
}

interface LiveSensorRow {
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
  deadband: number | null;
  debounce_readings: number;
  debounce_seconds: number;
  expected_interval_seconds: number;
  band: SensorBand;
  run: PendingRun | null;
  evaluated_at: Date | null;
  last_reading_at: Date | null;
  offline_alarm: boolean;
}

/**
 * The one way readings enter (HTTP and MQTT alike, docs/monitoring.md): each reading is checked on its own and a bad
 * one is refused with its reason while the rest of the batch goes on; accepted readings from every caller within
 * the flush window are written in one statement; then each touched sensor's threshold state is evaluated under a
 * row lock (one evaluator per sensor at a time, across processes) and the alarms it implies are pushed.
 */
@Injectable()
export class ReadingIngest implements OnModuleDestroy {
  private readonly logger = new Logger('ReadingIngest');
  private readonly known = new Map<string, KnownSensor>();
  private queue: Pending[] = [];
  private queued = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly store: ReadingStore,
    private readonly alarms: MonitoringAlarms,
    private readonly counters: MonitoringCounters,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(MONITORING_OPTIONS) private readonly options: MonitoringOptions,
  ) {}

  async ingest(device: IngestDevice, readings: readonly IncomingReading[], via: IngestVia): Promise<ReadingsAccepted> {
    const now = this.clock.now();
    const window = { futureSkewSeconds: this.options.futureSkewSeconds, maxAgeHours: this.options.maxReadingAgeHours };
    const rejected: ReadingsAccepted['rejected'] = [];
    let malformed = 0;
    const checked = readings.map((raw) => checkReading(raw, now, window));
    const codes = [...new Set(checked.flatMap((c) => (c.ok ? [c.sensorCode] : [])))];
    const sensors = await this.sensorsByCode(device.enterpriseId, codes);
    const accepted: StoredReading[] = [];
    const indexOf = new Map<StoredReading, number>();
    checked.forEach((c, index) => {
      if (!c.ok) {
        if (c.malformed) malformed += 1;
        rejected.push({ index, reason: c.reason });
        return;
      }
      const sensor = sensors.get(c.sensorCode);
      if (!sensor) {
        rejected.push({ index, reason: `传感器编码「${c.sensorCode}」未在本企业登记` });
      } else if (sensor.status === 'retired') {
        rejected.push({ index, reason: `传感器「${c.sensorCode}」已停用，不再接收读数` });
      } else {
        const reading = { sensorId: sensor.id, at: c.at.toISOString(), value: c.value };
        accepted.push(reading);
        indexOf.set(reading, index);
      }
    });
    let stored = accepted.length;
    if (accepted.length > 0) {
      const unstored = await this.write(accepted);
      for (const reading of unstored)
        rejected.push({ index: indexOf.get(reading)!, reason: `传感器读数未能写入，请稍后重发` });
      stored -= unstored.size;
      rejected.sort((x, y) => x.index - y.index);
    }
    if (rejected.length > 0) this.counters.rejected(via, rejected.length, malformed);
    if (stored > 0) this.counters.accepted(via, stored);
    return { accepted: stored, rejected };
  }

  /** A sensor retired on this process is refused at once here (other processes within the lookup's few seconds). */
  forget(enterpriseId: string, code: string): void {
    this.known.delete(`${enterpriseId}|${code}`);
  }

  onModuleDestroy(): void {
    clearTimeout(this.timer);
  }

  /** Resolves once the readings are stored and evaluated (a failed evaluation is logged: the readings stay stored). */
  private write(readings: StoredReading[]): Promise<ReadonlySet<StoredReading>> {
    return new Promise((resolve, reject) => {
      this.queue.push({ readings, resolve, reject });
      this.queued += readings.length;
      if (this.queued >= FLUSH_AT_READINGS) {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.scheduleFlush();
      } else if (!this.timer) {
        this.timer = setTimeout(() => {
          this.timer = undefined;
          this.scheduleFlush();
        }, this.options.flushMs);
      }
    });
  }

  /** One flush at a time in this process, so a sensor's readings are evaluated in the order they were written. */
  private scheduleFlush(): void {
    this.flushing = this.flushing.then(() => this.flush());
  }

  private async flush(): Promise<void> {
    let batch = this.queue;
    this.queue = [];
    this.queued = 0;
    if (batch.length === 0) return;
    const unstored = new Map<Pending, Set<StoredReading>>();
    const unavailable = new Map<Pending, unknown>();
    try {
      await this.store.insert(batch.flatMap((p) => p.readings));
    } catch (error) {
      // The database is away: nothing can be stored, so every caller is told so (503 with Retry-After over HTTP; the
      // MQTT batcher counts them as failed) instead of a 202 refusing each reading as if it were wrong.
      if (isDatabaseUnavailable(error)) {
        for (const p of batch) p.reject(error);
        return;
      }
      // One caller's readings must not sink the others sharing the statement: each request is written on its own,
      // and a request whose own write fails is written reading by reading, so only the readings that cannot be
      // stored at all are refused (to their own caller, with a reason).
      this.logger.warn(`shared readings insert failed, writing each request on its own: ${String(error)}`);
      for (const p of batch) {
        try {
          await this.store.insert(p.readings);
        } catch (own) {
          if (isDatabaseUnavailable(own)) {
            unavailable.set(p, own);
            continue;
          }
          const failed = new Set<StoredReading>();
          for (const reading of p.readings) {
            try {
              await this.store.insert([reading]);
            } catch (own) {
              this.logger.warn(`reading of sensor ${reading.sensorId} at ${reading.at} not stored: ${String(own)}`);
              failed.add(reading);
            }
          }
          unstored.set(p, failed);
        }
      }
    }
    for (const [p, error] of unavailable) p.reject(error);
    batch = batch.filter((p) => !unavailable.has(p));
    const none: ReadonlySet<StoredReading> = new Set();
    const readings = batch.flatMap((p) => p.readings.filter((r) => !unstored.get(p)?.has(r)));
    if (readings.length === 0) {
      for (const p of batch) p.resolve(unstored.get(p) ?? none);
      return;
    }
    this.counters.batch(readings.length);
    let actions: AlarmAction[] = [];
    try {
      actions = await this.evaluate(readings);
    } catch (error) {
      this.logger.warn(`threshold evaluation failed (${readings.length} readings stored): ${String(error)}`);
    }
    // After the commit: the alarm centre's appends must not wait behind this process's own open transaction (the
    // projections read the event log only up to the oldest open transaction, docs/operations.md).
    for (const action of actions) {
      try {
        await action();
      } catch (error) {
        // The sensor watch reconciles the alarms with the sensors' state on its next tick.
        this.logger.warn(`monitoring alarm not pushed: ${String(error)}`);
      }
    }
    for (const p of batch) p.resolve(unstored.get(p) ?? none);
  }

  /**
   * Under a row lock per sensor (taken in id order, so two processes never deadlock): readings newer than the last
   * evaluated one run through the evaluator and the new state is written in the same transaction. Answers the alarm
   * pushes the changes imply, to run once it committed.
   */
  private async evaluate(readings: readonly StoredReading[]): Promise<AlarmAction[]> {
    const bySensor = new Map<string, StoredReading[]>();
    for (const r of readings) {
      const list = bySensor.get(r.sensorId) ?? [];
      list.push(r);
      bySensor.set(r.sensorId, list);
    }
    const now = this.clock.now();
    const actions: AlarmAction[] = [];
    await this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `select s.id, s.code, s.name, s.unit, s.hazard_source_id, s.jurisdiction, s.high, s.high_high, s.low, s.low_low,
                s.deadband, s.debounce_readings, s.debounce_seconds, s.expected_interval_seconds,
                l.band, l.run, l.evaluated_at, l.last_reading_at, l.offline_alarm
           from monitoring_sensor_live l join monitoring_sensors s on s.id = l.sensor_id
          where l.sensor_id = any($1::uuid[]) and s.status = 'active'
          order by l.sensor_id
            for update of l`,
        [[...bySensor.keys()]],
      )) as LiveSensorRow[];
      const updates: Record<string, unknown>[] = [];
      for (const row of rows) {
        const own = bySensor.get(row.id)!.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
        const latest = own[own.length - 1]!;
        const evaluatedAt = row.evaluated_at?.getTime() ?? -Infinity;
        // A reading older than one already evaluated is stored for the trend but cannot change the present band.
        const fresh = own.filter((r) => Date.parse(r.at) > evaluatedAt);
        const thresholds = { high: row.high, highHigh: row.high_high, low: row.low, lowLow: row.low_low };
        const policy = policyOf(
          thresholds,
          { deadband: row.deadband, debounceReadings: row.debounce_readings, debounceSeconds: row.debounce_seconds },
          this.options.deadbandPercent,
        );
        const { state, changes } = evaluateReadings({ band: row.band, run: row.run }, fresh, policy);
        const sensor: AlarmedSensor = {
          id: row.id,
          code: row.code,
          name: row.name,
          unit: row.unit,
          hazardSourceId: row.hazard_source_id,
          jurisdiction: row.jurisdiction,
          thresholds,
        };
        for (const change of changes)
          actions.push(() => this.alarms.bandChanged(sensor, change.from, change.to, change.value, now));
        // Liveness comes from the device's own time: only a reading newer than any evaluated before, and itself
        // recent (within the interval the watch allows), shows the sensor alive. A gateway replaying an old reading
        // stores it for the trend but cannot keep a dead sensor online.
        const newest = fresh[fresh.length - 1];
        const live =
          newest !== undefined &&
          now.getTime() - Date.parse(newest.at) <= row.expected_interval_seconds * this.options.offlineFactor * 1000;
        if (live && row.offline_alarm) actions.push(() => this.alarms.cameOnline(sensor, now));
        const newer = !row.last_reading_at || Date.parse(latest.at) >= row.last_reading_at.getTime();
        updates.push({
          sensor_id: row.id,
          band: state.band,
          run: state.run,
          evaluated_at: fresh.length > 0 ? fresh[fresh.length - 1]!.at : (row.evaluated_at?.toISOString() ?? null),
          last_value: newer ? latest.value : null,
          last_reading_at: newer ? latest.at : null,
          live,
        });
      }
      if (updates.length === 0) return;
      await manager.query(
        `update monitoring_sensor_live l set
           band = u.band, run = u.run, evaluated_at = u.evaluated_at,
           last_value = coalesce(u.last_value, l.last_value),
           last_reading_at = coalesce(u.last_reading_at, l.last_reading_at),
           last_received_at = case when u.live then $2 else l.last_received_at end,
           online = l.online or u.live,
           offline_since = case when u.live then null else l.offline_since end,
           offline_alarm = l.offline_alarm and not u.live
         from jsonb_to_recordset($1::jsonb) as u(sensor_id uuid, band text, run jsonb, evaluated_at timestamptz,
                                                 last_value float8, last_reading_at timestamptz, live boolean)
         where l.sensor_id = u.sensor_id`,
        [JSON.stringify(updates), now],
      );
    });
    return actions;
  }

  /** The enterprise's sensors by code; only sensors of this enterprise can be named, whatever the payload says. */
  private async sensorsByCode(enterpriseId: string, codes: readonly string[]): Promise<Map<string, KnownSensor>> {
    const found = new Map<string, KnownSensor>();
    const missing: string[] = [];
    const now = Date.now();
    for (const code of codes) {
      const hit = this.known.get(`${enterpriseId}|${code}`);
      if (hit && now - hit.seenAt < LOOKUP_TTL_MS) found.set(code, hit);
      else missing.push(code);
    }
    if (missing.length === 0) return found;
    const rows = (await this.dataSource.query(
      `select id, code, status from monitoring_sensors where enterprise_id = $1 and code = any($2::text[])`,
      [enterpriseId, missing],
    )) as { id: string; code: string; status: 'active' | 'retired' }[];
    if (this.known.size > 100_000) this.known.clear();
    for (const row of rows) {
      const sensor = { id: row.id, status: row.status, seenAt: now };
      this.known.set(`${enterpriseId}|${row.code}`, sensor);
      found.set(row.code, sensor);
    }
    return found;
  }
}
