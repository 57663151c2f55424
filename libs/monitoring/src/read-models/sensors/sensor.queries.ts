import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { SensorView } from '../../contract';
import { SensorNotFoundError } from '../../domain/sensor/sensor.errors';
import { SensorLiveRow, SensorRow } from './sensor.entities';
import { toSensorView } from './sensor.views';

/** A hazard source has tens of sensors, not thousands; a list is bounded all the same. */
export const SENSOR_LIST_LIMIT = 500;

/**
 * The sensor register (传感器台账): sensors with what their readings left on them. The unscoped reads are for other
 * contexts and the ingestion path (which have already checked who asks); HTTP goes through the scoped ones.
 */
@Injectable()
export class SensorRegister {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string): Promise<SensorView | null> {
    const row = await this.dataSource.getRepository(SensorRow).findOneBy({ id });
    return row ? this.withLive([row]).then((v) => v[0]!) : null;
  }

  async findByCode(enterpriseId: string, code: string): Promise<SensorView | null> {
    const row = await this.dataSource.getRepository(SensorRow).findOneBy({ enterpriseId, code });
    return row ? this.withLive([row]).then((v) => v[0]!) : null;
  }

  /** Active and retired, active first, by code. */
  async listByHazardSource(hazardSourceId: string): Promise<SensorView[]> {
    const rows = await this.dataSource.getRepository(SensorRow).find({
      where: { hazardSourceId },
      order: { status: 'ASC', code: 'ASC' },
      take: SENSOR_LIST_LIMIT,
    });
    return this.withLive(rows);
  }

  /** Outside the reader's jurisdictions a sensor is not found, so its existence does not leak. */
  async get(id: string, scope: readonly string[]): Promise<SensorView> {
    const view = await this.find(id);
    if (!view || !scope.includes(view.jurisdiction)) throw new SensorNotFoundError();
    return view;
  }

  private async withLive(rows: SensorRow[]): Promise<SensorView[]> {
    if (rows.length === 0) return [];
    const live = await this.dataSource.getRepository(SensorLiveRow).findBy({ sensorId: In(rows.map((r) => r.id)) });
    const byId = new Map(live.map((l) => [l.sensorId, l]));
    return rows.map((row) => toSensorView(row, byId.get(row.id) ?? null));
  }
}
