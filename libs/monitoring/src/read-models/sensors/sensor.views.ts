import type { SensorView } from '../../contract';
import { SENSOR_BAND_LABELS, SENSOR_KIND_LABELS } from '../../domain/sensor/sensor.types';
import type { SensorLiveRow, SensorRow } from './sensor.entities';

export function toSensorView(row: SensorRow, live: SensorLiveRow | null): SensorView {
  const band = live?.band ?? 'normal';
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind,
    kindLabel: SENSOR_KIND_LABELS[row.kind] ?? row.kind,
    unit: row.unit,
    thresholds: { high: row.high, highHigh: row.highHigh, low: row.low, lowLow: row.lowLow },
    expectedIntervalSeconds: row.expectedIntervalSeconds,
    hazardSourceId: row.hazardSourceId,
    enterpriseId: row.enterpriseId,
    jurisdiction: row.jurisdiction,
    lastValue: live?.lastValue ?? null,
    lastReadingAt: live?.lastReadingAt?.toISOString() ?? null,
    band,
    bandLabel: SENSOR_BAND_LABELS[band],
    online: row.status === 'active' && (live?.online ?? false),
    offlineSince: live?.online ? null : (live?.offlineSince?.toISOString() ?? null),
    revision: row.revision,
    status: row.status,
    retiredAt: row.retiredAt?.toISOString() ?? null,
    tuning: { deadband: row.deadband, debounceReadings: row.debounceReadings, debounceSeconds: row.debounceSeconds },
  };
}
