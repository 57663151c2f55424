import type { EntityManager } from 'typeorm';
import { formatPosition } from '@app/event-store';
import type { LiveDelta, Recorded } from '@app/event-sourcing';
import { RowBatch, type Projection } from '@app/event-sourcing/projections';
import { sensorEvents, type SensorEvent } from '../../domain/sensor/sensor.events';
import { SensorRow } from './sensor.entities';

/**
 * The sensors' read model. Registration also creates the sensor's live row (insert-if-missing): from then on only
 * ingestion and the sensor watch write it, so a rebuild of this projection never loses what the readings left.
 */
export class SensorProjection implements Projection {
  readonly name = 'monitoring-sensors';
  readonly filter = { kind: 'category', categories: ['sensor'] } as const;
  readonly events = sensorEvents;

  async apply(events: readonly Recorded<SensorEvent>[], manager: EntityManager): Promise<LiveDelta[]> {
    const batch = new RowBatch(manager, SensorRow, 'id');
    await batch.preload(events.map((e) => e.data.sensorId));
    const registered: string[] = [];
    for (const event of events) {
      const id = event.data.sensorId;
      const revision = Number(event.revision);
      const position = formatPosition(event.position);
      const row = await batch.current(id);
      switch (event.type) {
        case 'SensorRegistered': {
          const d = event.data;
          registered.push(id);
          batch.set(
            id,
            Object.assign(new SensorRow(), {
              id,
              enterpriseId: d.enterpriseId,
              hazardSourceId: d.hazardSourceId,
              jurisdiction: d.jurisdiction,
              code: d.code,
              name: d.name,
              kind: d.kind,
              unit: d.unit,
              ...d.thresholds,
              expectedIntervalSeconds: d.expectedIntervalSeconds,
              ...d.tuning,
              status: 'active',
              registeredAt: new Date(d.registeredAt),
              retiredAt: null,
              revision,
              position,
            }),
          );
          break;
        }
        case 'SensorThresholdsChanged':
          if (row)
            batch.set(id, Object.assign(row, { ...event.data.thresholds, ...event.data.tuning, revision, position }));
          break;
        case 'SensorRetired':
          if (row)
            batch.set(
              id,
              Object.assign(row, { status: 'retired', retiredAt: new Date(event.data.retiredAt), revision, position }),
            );
          break;
      }
    }
    await batch.write();
    if (registered.length > 0) {
      await manager.query(
        `insert into monitoring_sensor_live (sensor_id) select unnest($1::uuid[]) on conflict do nothing`,
        [registered],
      );
    }
    return [];
  }

  async reset(manager: EntityManager): Promise<void> {
    await manager.query('truncate monitoring_sensors');
  }
}
