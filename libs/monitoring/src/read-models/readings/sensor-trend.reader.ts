import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, DomainError, type Clock } from '@app/shared';
import type { SensorTrend } from '../../contract';
import { SensorRegister } from '../sensors/sensor.queries';
import { ReadingStore, type TrendResolution } from './reading-store';

/** At most this many points in one trend, whatever the span. */
export const TREND_MAX_POINTS = 3000;
const HOUR_MS = 3600_000;
/** Raw readings are shown for spans up to this long (if they fit in the points), minute buckets up to two days. */
const RAW_SPAN_MS = 3 * HOUR_MS;
const MINUTE_SPAN_MS = 48 * HOUR_MS;

/**
 * GET /monitoring/sensors/{id}/readings: the trend at the finest resolution whose points fit — raw readings for short
 * spans, minute and then hour aggregates (average with min and max) for longer ones.
 */
@Injectable()
export class SensorTrendReader {
  constructor(
    private readonly sensors: SensorRegister,
    private readonly store: ReadingStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async trend(id: string, scope: readonly string[], query: { from?: string; to?: string }): Promise<SensorTrend> {
    const sensor = await this.sensors.get(id, scope);
    const to = query.to ? new Date(query.to) : this.clock.now();
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - HOUR_MS);
    const span = to.getTime() - from.getTime();
    if (!(span > 0)) throw new DomainError('TREND_SPAN_INVALID', 'invalid', '查询时段的结束时间须晚于起始时间');
    if (span > TREND_MAX_POINTS * HOUR_MS) {
      throw new DomainError(
        'TREND_SPAN_TOO_LONG',
        'invalid',
        `查询时段过长：至多 ${Math.floor(TREND_MAX_POINTS / 24)} 天`,
      );
    }
    let resolution: TrendResolution = 'hour';
    if (span <= RAW_SPAN_MS && (await this.store.countRaw(id, from, to)) <= TREND_MAX_POINTS) resolution = 'raw';
    else if (span <= MINUTE_SPAN_MS) resolution = 'minute';
    return {
      sensorId: id,
      unit: sensor.unit,
      thresholds: sensor.thresholds,
      resolution,
      points: await this.store.trend(id, from, to, resolution, TREND_MAX_POINTS),
    };
  }
}
