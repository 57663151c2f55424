import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 在线监测 (docs/monitoring.md, 读数存储): one reading per sensor and instant. A gateway that retries a batch it did not
 * hear back about must not double the data nor the aggregates' counts, so (sensor_id, at) becomes unique and the
 * store inserts with ON CONFLICT DO NOTHING. The partition key `at` is part of the index, as PostgreSQL requires of a
 * unique index on a partitioned table. Duplicates already stored are removed first (one row of each kept).
 */
export class ReadingsUnique1732000003200 implements MigrationInterface {
  name = 'ReadingsUnique1732000003200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      delete from monitoring_readings r
       using monitoring_readings o
       where o.sensor_id = r.sensor_id and o.at = r.at
         and (o.tableoid::bigint, o.ctid) < (r.tableoid::bigint, r.ctid)`);
    await q.query(`drop index monitoring_readings_by_sensor`);
    await q.query(`create unique index monitoring_readings_by_sensor on monitoring_readings (sensor_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index monitoring_readings_by_sensor`);
    await q.query(`create index monitoring_readings_by_sensor on monitoring_readings (sensor_id, at)`);
  }
}
