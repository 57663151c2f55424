import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestDatabase } from '../../../../../test/support/test-database';
import { ReadingStore } from './reading-store';

/**
 * The readings' time series on its own database, connected as the least-privileged application role: day partitions
 * created ahead (through the owner's function), an odd timestamp landing in the default partition and moved out when
 * its day's partition is made, aggregates merged across batches, and retention dropping whole raw partitions while the
 * aggregates stay.
 */
describe('reading store: partitions, aggregates, retention', () => {
  let database: { url: string; ownerUrl: string; drop(): Promise<void> };
  let dataSource: DataSource;
  let store: ReadingStore;
  const sensor = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
    store = new ReadingStore(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const partitionOf = async (at: string): Promise<string[]> =>
    (
      (await dataSource.query(
        `select tableoid::regclass::text as part from monitoring_readings where sensor_id = $1 and at = $2`,
        [sensor, at],
      )) as { part: string }[]
    ).map((r) => r.part);

  it('the application role is not the owner, and still creates day partitions ahead', async () => {
    const [who] = (await dataSource.query(
      `select current_user as me, (select tableowner from pg_tables where tablename = 'monitoring_readings') as owner`,
    )) as { me: string; owner: string }[];
    expect(who!.me).not.toBe(who!.owner);
    await expect(
      dataSource.query(`create table monitoring_readings_p20990101 partition of monitoring_readings
      for values from ('2099-01-01') to ('2099-01-02')`),
    ).rejects.toThrow(/owner|permission/);

    expect(await store.ensurePartitions(new Date('2026-01-01T12:00:00Z'), 3)).toBe(3);
    expect(await store.ensurePartitions(new Date('2026-01-01T00:00:00Z'), 3)).toBe(0);
    const parts = (await dataSource.query(
      `select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'monitoring_readings'::regclass order by 1`,
    )) as { relname: string }[];
    expect(parts.map((p) => p.relname)).toEqual([
      'monitoring_readings_default',
      'monitoring_readings_p20260101',
      'monitoring_readings_p20260102',
      'monitoring_readings_p20260103',
    ]);
  });

  it('a batch is one insert; readings land in their day, an odd time in the default partition', async () => {
    await store.insert([
      { sensorId: sensor, at: '2026-01-01T08:00:10.000Z', value: 5 },
      { sensorId: sensor, at: '2026-01-01T08:00:40.000Z', value: 7 },
      { sensorId: sensor, at: '2026-01-02T23:59:59.000Z', value: 1 },
      { sensorId: sensor, at: '2025-12-30T10:00:00.000Z', value: 3 },
      { sensorId: sensor, at: '2099-06-01T00:00:00.000Z', value: 9 },
    ]);
    expect(await partitionOf('2026-01-01T08:00:10.000Z')).toEqual(['monitoring_readings_p20260101']);
    expect(await partitionOf('2026-01-02T23:59:59.000Z')).toEqual(['monitoring_readings_p20260102']);
    expect(await partitionOf('2025-12-30T10:00:00.000Z')).toEqual(['monitoring_readings_default']);
    expect(await partitionOf('2099-06-01T00:00:00.000Z')).toEqual(['monitoring_readings_default']);
  });

  it('making a day partition later moves that day out of the default partition', async () => {
    expect(await store.ensurePartitions(new Date('2025-12-30T00:00:00Z'), 1)).toBe(1);
    expect(await partitionOf('2025-12-30T10:00:00.000Z')).toEqual(['monitoring_readings_p20251230']);
  });

  it('aggregates merge min, max, sum and count across batches of the same minute and hour', async () => {
    await store.insert([{ sensorId: sensor, at: '2026-01-01T08:00:55.000Z', value: 2 }]);
    const [minute] = (await dataSource.query(
      `select min, max, sum, count from monitoring_readings_minute where sensor_id = $1 and bucket = '2026-01-01T08:00:00Z'`,
      [sensor],
    )) as { min: number; max: number; sum: number; count: number }[];
    expect(minute).toEqual({ min: 2, max: 7, sum: 14, count: 3 });
    const trend = await store.trend(
      sensor,
      new Date('2026-01-01T07:30:00Z'),
      new Date('2026-01-01T09:00:00Z'),
      'hour',
      10,
    );
    expect(trend).toEqual([{ at: '2026-01-01T08:00:00.000Z', value: 14 / 3, min: 2, max: 7 }]);
    const raw = await store.trend(sensor, new Date('2026-01-01T08:00:00Z'), new Date('2026-01-01T08:01:00Z'), 'raw', 2);
    expect(raw.map((p) => p.value)).toEqual([5, 7]);
  });

  it('a reading repeated for the same sensor and instant is stored once and counted once', async () => {
    const other = randomUUID();
    const at = '2026-01-02T10:00:00.000Z';
    await store.insert([
      { sensorId: other, at, value: 4 },
      { sensorId: other, at, value: 4 },
    ]);
    // The gateway's retry of the same batch, plus one new reading.
    await store.insert([
      { sensorId: other, at, value: 4 },
      { sensorId: other, at: '2026-01-02T10:00:30.000Z', value: 6 },
    ]);
    const [raw] = (await dataSource.query(`select count(*)::int as n from monitoring_readings where sensor_id = $1`, [
      other,
    ])) as { n: number }[];
    expect(raw!.n).toBe(2);
    for (const grain of ['minute', 'hour']) {
      const [bucket] = (await dataSource.query(
        `select sum, count from monitoring_readings_${grain} where sensor_id = $1`,
        [other],
      )) as { sum: number; count: number }[];
      expect(bucket).toEqual({ sum: 10, count: 2 });
    }
  });

  it('retention drops whole raw partitions before the cut-off and keeps the aggregates', async () => {
    const dropped = await store.prune(
      new Date('2026-01-02T06:00:00Z'),
      new Date('2025-01-01T00:00:00Z'),
      new Date('2025-01-01T00:00:00Z'),
    );
    expect(dropped.sort()).toEqual(['monitoring_readings_p20251230', 'monitoring_readings_p20260101']);
    const left = (await dataSource.query(`select at from monitoring_readings where sensor_id = $1 order by at`, [
      sensor,
    ])) as { at: Date }[];
    expect(left.map((r) => r.at.toISOString())).toEqual(['2026-01-02T23:59:59.000Z', '2099-06-01T00:00:00.000Z']);
    const [kept] = (await dataSource.query(
      `select count(*)::int as n from monitoring_readings_minute where sensor_id = $1 and bucket < '2026-01-02'`,
      [sensor],
    )) as { n: number }[];
    expect(kept!.n).toBe(2);
  });

  it('aggregates go when past their own retention', async () => {
    await store.prune(
      new Date('2026-01-02T00:00:00Z'),
      new Date('2026-01-01T09:00:00Z'),
      new Date('2025-01-01T00:00:00Z'),
    );
    const counts = (await dataSource.query(
      `select (select count(*)::int from monitoring_readings_minute where sensor_id = $1 and bucket < '2026-01-01T09:00:00Z') as minutes,
              (select count(*)::int from monitoring_readings_hour where sensor_id = $1 and bucket < '2026-01-01T09:00:00Z') as hours`,
      [sensor],
    )) as { minutes: number; hours: number }[];
    expect(counts[0]).toEqual({ minutes: 0, hours: 2 });
  });
});
