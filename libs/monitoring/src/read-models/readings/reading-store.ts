import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** One accepted reading as stored. */
export interface StoredReading {
  sensorId: string;
  at: string;
  value: number;
}

export type TrendResolution = 'raw' | 'minute' | 'hour';

export interface TrendPoint {
  at: string;
  value: number;
  min?: number;
  max?: number;
}

/**
 * The readings' time series in PostgreSQL (docs/monitoring.md, 读数存储): raw readings in day partitions, minute and
 * hour aggregates beside them. Plain SQL: these are not read models of events and TypeORM adds nothing here.
 */
@Injectable()
export class ReadingStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * One statement for a whole batch: the raw rows and both aggregate upserts (grouped per sensor and bucket first, so
   * one statement never updates a bucket twice). Buckets are UTC minutes and hours. A reading already stored for the
   * same sensor and instant (a gateway's retry) is skipped, and the aggregates count only the rows actually inserted.
   */
  async insert(readings: readonly StoredReading[], manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (readings.length === 0) return;
    const upsert = (grain: 'minute' | 'hour') => `
      insert into monitoring_readings_${grain} as a (sensor_id, bucket, min, max, sum, count)
      select sensor_id, date_trunc('${grain}', at, 'UTC'), min(value), max(value), sum(value), count(*)
        from raw group by 1, 2
      on conflict (sensor_id, bucket) do update set
        min = least(a.min, excluded.min), max = greatest(a.max, excluded.max),
        sum = a.sum + excluded.sum, count = a.count + excluded.count`;
    await manager.query(
      `with input as (
         select * from unnest($1::uuid[], $2::timestamptz[], $3::float8[]) as r(sensor_id, at, value)
       ), raw as (
         insert into monitoring_readings (sensor_id, at, value) select sensor_id, at, value from input
         on conflict (sensor_id, at) do nothing
         returning sensor_id, at, value
       ), by_minute as (${upsert('minute')}
       ), by_hour as (${upsert('hour')}
       )
       select 1`,
      [readings.map((r) => r.sensorId), readings.map((r) => r.at), readings.map((r) => r.value)],
    );
  }

  async countRaw(sensorId: string, from: Date, to: Date): Promise<number> {
    const [row] = (await this.dataSource.query(
      `select count(*)::int as n from monitoring_readings where sensor_id = $1 and at >= $2 and at <= $3`,
      [sensorId, from, to],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  async trend(
    sensorId: string,
    from: Date,
    to: Date,
    resolution: TrendResolution,
    limit: number,
  ): Promise<TrendPoint[]> {
    if (resolution === 'raw') {
      const rows = (await this.dataSource.query(
        `select at, value from monitoring_readings where sensor_id = $1 and at >= $2 and at <= $3 order by at limit $4`,
        [sensorId, from, to, limit],
      )) as { at: Date; value: number }[];
      return rows.map((r) => ({ at: r.at.toISOString(), value: r.value }));
    }
    const rows = (await this.dataSource.query(
      `select bucket, min, max, sum / count as avg from monitoring_readings_${resolution}
        where sensor_id = $1 and bucket >= date_trunc('${resolution}', $2::timestamptz, 'UTC') and bucket <= $3
        order by bucket limit $4`,
      [sensorId, from, to, limit],
    )) as { bucket: Date; min: number; max: number; avg: number }[];
    return rows.map((r) => ({ at: r.bucket.toISOString(), value: r.avg, min: r.min, max: r.max }));
  }

  /** Creates the day partitions from `from` on for `days` days (those missing); answers how many it created. */
  async ensurePartitions(from: Date, days: number): Promise<number> {
    const [row] = (await this.dataSource.query(`select monitoring_ensure_partitions($1::date, $2) as n`, [
      utcDate(from),
      days,
    ])) as { n: number }[];
    return row?.n ?? 0;
  }

  /**
   * Retention: drops the raw partitions of days wholly before `rawBefore` (and default-partition rows before it), and
   * deletes aggregates older than their own cut-offs. Answers the partitions dropped.
   */
  async prune(rawBefore: Date, minuteBefore: Date, hourBefore: Date): Promise<string[]> {
    const [row] = (await this.dataSource.query(`select monitoring_drop_partitions_before($1::date) as dropped`, [
      utcDate(rawBefore),
    ])) as { dropped: string[] }[];
    await this.dataSource.query(`delete from monitoring_readings_minute where bucket < $1`, [minuteBefore]);
    await this.dataSource.query(`delete from monitoring_readings_hour where bucket < $1`, [hourBefore]);
    return row?.dropped ?? [];
  }
}

/** The UTC calendar day of an instant, as `YYYY-MM-DD`. */
export function utcDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}
