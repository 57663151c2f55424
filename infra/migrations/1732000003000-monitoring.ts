import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 在线监测 (docs/monitoring.md):
 * - `monitoring_sensors`: the sensors' read model (disposable, rebuilt from the sensor streams);
 * - `monitoring_sensor_live`: what the readings left on each sensor (last value, confirmed band and pending run,
 *   online or not); written by ingestion and the offline watch, never by the projection, so a rebuild keeps it;
 * - `monitoring_readings`: the raw time series, range-partitioned by day with a default partition so that no timestamp
 *   ever fails an insert; `monitoring_readings_minute` / `_hour`: min/max/sum/count per bucket, kept longer.
 * Partitions are created and dropped through two SECURITY DEFINER functions: only a table's owner may attach or drop
 * its partitions, and the application role owns nothing (infra/database/roles.ts grants it execute on them).
 */
export class Monitoring1732000003000 implements MigrationInterface {
  name = 'Monitoring1732000003000';

  async up(q: QueryRunner): Promise<void> {
    // The partition functions run as the owner with a fixed search path (a SECURITY DEFINER function must not
    // resolve names through its caller's path): this schema, where the partitions are created.
    const [{ schema }] = (await q.query(`select quote_ident(current_schema()) as schema`)) as { schema: string }[];
    await q.query(`
      create table monitoring_sensors (
        id uuid primary key,
        enterprise_id uuid not null,
        hazard_source_id uuid not null,
        jurisdiction text not null,
        code text not null,
        name text not null,
        kind text not null,
        unit text not null,
        high double precision,
        high_high double precision,
        low double precision,
        low_low double precision,
        expected_interval_seconds int not null,
        deadband double precision,
        debounce_readings int not null,
        debounce_seconds int not null,
        status text not null,
        registered_at timestamptz not null,
        retired_at timestamptz,
        revision int not null,
        position text not null
      )`);
    await q.query(`create unique index monitoring_sensors_code on monitoring_sensors (enterprise_id, code)`);
    await q.query(`create index monitoring_sensors_by_hazard_source on monitoring_sensors (hazard_source_id)`);
    await q.query(`create index monitoring_sensors_by_jurisdiction on monitoring_sensors (jurisdiction)`);
    await q.query(`
      create table monitoring_sensor_live (
        sensor_id uuid primary key,
        last_value double precision,
        last_reading_at timestamptz,
        last_received_at timestamptz,
        band text not null default 'normal',
        run jsonb,
        evaluated_at timestamptz,
        online boolean not null default false,
        offline_since timestamptz,
        offline_alarm boolean not null default false
      )`);
    await q.query(`
      create table monitoring_readings (
        sensor_id uuid not null,
        at timestamptz not null,
        value double precision not null
      ) partition by range (at)`);
    await q.query(`create index monitoring_readings_by_sensor on monitoring_readings (sensor_id, at)`);
    await q.query(`create table monitoring_readings_default partition of monitoring_readings default`);
    for (const grain of ['minute', 'hour']) {
      await q.query(`
        create table monitoring_readings_${grain} (
          sensor_id uuid not null,
          bucket timestamptz not null,
          min double precision not null,
          max double precision not null,
          sum double precision not null,
          count int not null,
          primary key (sensor_id, bucket)
        )`);
      await q.query(`create index monitoring_readings_${grain}_by_bucket on monitoring_readings_${grain} (bucket)`);
    }
    // One partition per UTC day, named monitoring_readings_pYYYYMMDD. Rows that fell into the default partition
    // before their day's partition existed are moved into it, so attaching never fails on them.
    await q.query(`
      create function monitoring_ensure_partitions(p_from date, p_days int) returns int
      language plpgsql security definer set search_path = ${schema} as $$
      declare
        d date;
        part text;
        created int := 0;
      begin
        perform pg_advisory_xact_lock(hashtext('monitoring:partitions'));
        for i in 0 .. greatest(p_days, 1) - 1 loop
          d := p_from + i;
          part := 'monitoring_readings_p' || to_char(d, 'YYYYMMDD');
          if to_regclass(part) is null then
            execute format('create table %I (like monitoring_readings including defaults)', part);
            execute format(
              'with moved as (delete from monitoring_readings_default where at >= %L and at < %L returning *)
               insert into %I select * from moved',
              (d::timestamp at time zone 'UTC'), ((d + 1)::timestamp at time zone 'UTC'), part);
            execute format('alter table monitoring_readings attach partition %I for values from (%L) to (%L)',
              part, (d::timestamp at time zone 'UTC'), ((d + 1)::timestamp at time zone 'UTC'));
            created := created + 1;
          end if;
        end loop;
        return created;
      end $$`);
    await q.query(`
      create function monitoring_drop_partitions_before(p_cutoff date) returns text[]
      language plpgsql security definer set search_path = ${schema} as $$
      declare
        part record;
        dropped text[] := '{}';
      begin
        perform pg_advisory_xact_lock(hashtext('monitoring:partitions'));
        for part in
          select c.relname as name from pg_inherits i
            join pg_class c on c.oid = i.inhrelid
           where i.inhparent = 'monitoring_readings'::regclass and c.relname ~ '^monitoring_readings_p[0-9]{8}$'
        loop
          if to_date(substr(part.name, length('monitoring_readings_p') + 1), 'YYYYMMDD') + 1 <= p_cutoff then
            execute format('drop table %I', part.name);
            dropped := dropped || part.name;
          end if;
        end loop;
        delete from monitoring_readings_default where at < (p_cutoff::timestamp at time zone 'UTC');
        return dropped;
      end $$`);
    await q.query(`revoke all on function monitoring_ensure_partitions(date, int) from public`);
    await q.query(`revoke all on function monitoring_drop_partitions_before(date) from public`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function monitoring_drop_partitions_before(date)`);
    await q.query(`drop function monitoring_ensure_partitions(date, int)`);
    await q.query(`drop table monitoring_readings_hour`);
    await q.query(`drop table monitoring_readings_minute`);
    await q.query(`drop table monitoring_readings`);
    await q.query(`drop table monitoring_sensor_live`);
    await q.query(`drop table monitoring_sensors`);
  }
}
