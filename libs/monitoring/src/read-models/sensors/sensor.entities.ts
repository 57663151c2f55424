import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SensorBand, SensorKind } from '../../contract';
import type { PendingRun } from '../../domain/threshold/threshold-evaluator';

/** A sensor as registered (projection of the sensor streams; disposable). */
@Entity({ name: 'monitoring_sensors' })
export class SensorRow {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'enterprise_id' }) enterpriseId!: string;
  @Column('uuid', { name: 'hazard_source_id' }) hazardSourceId!: string;
  @Column('text') jurisdiction!: string;
  @Column('text') code!: string;
  @Column('text') name!: string;
  @Column('text') kind!: SensorKind;
  @Column('text') unit!: string;
  @Column('double precision', { nullable: true }) high!: number | null;
  @Column('double precision', { name: 'high_high', nullable: true }) highHigh!: number | null;
  @Column('double precision', { nullable: true }) low!: number | null;
  @Column('double precision', { name: 'low_low', nullable: true }) lowLow!: number | null;
  @Column('int', { name: 'expected_interval_seconds' }) expectedIntervalSeconds!: number;
  @Column('double precision', { nullable: true }) deadband!: number | null;
  @Column('int', { name: 'debounce_readings' }) debounceReadings!: number;
  @Column('int', { name: 'debounce_seconds' }) debounceSeconds!: number;
  @Column('text') status!: 'active' | 'retired';
  @Column('timestamptz', { name: 'registered_at' }) registeredAt!: Date;
  @Column('timestamptz', { name: 'retired_at', nullable: true }) retiredAt!: Date | null;
  @Column('int') revision!: number;
  @Column('text') position!: string;
}

/** What the readings left on a sensor; written by ingestion and the sensor watch only (a rebuild keeps it). */
@Entity({ name: 'monitoring_sensor_live' })
export class SensorLiveRow {
  @PrimaryColumn('uuid', { name: 'sensor_id' }) sensorId!: string;
  @Column('double precision', { name: 'last_value', nullable: true }) lastValue!: number | null;
  @Column('timestamptz', { name: 'last_reading_at', nullable: true }) lastReadingAt!: Date | null;
  @Column('timestamptz', { name: 'last_received_at', nullable: true }) lastReceivedAt!: Date | null;
  @Column('text') band!: SensorBand;
  @Column('jsonb', { nullable: true }) run!: PendingRun | null;
  @Column('timestamptz', { name: 'evaluated_at', nullable: true }) evaluatedAt!: Date | null;
  @Column('boolean') online!: boolean;
  @Column('timestamptz', { name: 'offline_since', nullable: true }) offlineSince!: Date | null;
  @Column('boolean', { name: 'offline_alarm' }) offlineAlarm!: boolean;
}
