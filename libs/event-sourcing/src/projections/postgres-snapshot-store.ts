import type { DataSource } from 'typeorm';
import type { Snapshot, SnapshotStore } from '../kernel/snapshots';

/** Snapshots in PostgreSQL (`aggregate_snapshots`): disposable like read models; the events stay the truth. */
export class PostgresSnapshotStore implements SnapshotStore {
  constructor(private readonly dataSource: DataSource) {}

  async load(streamName: string, version: number): Promise<Snapshot | undefined> {
    const rows: { revision: string; state: unknown }[] = await this.dataSource.query(
      `select revision, state from aggregate_snapshots where stream_name = $1 and version = $2`,
      [streamName, version],
    );
    const row = rows[0];
    return row ? { revision: BigInt(row.revision), state: row.state } : undefined;
  }

  async save(streamName: string, version: number, snapshot: Snapshot): Promise<void> {
    await this.dataSource.query(
      `insert into aggregate_snapshots (stream_name, version, revision, state) values ($1, $2, $3, $4)
       on conflict (stream_name, version) do update set revision = excluded.revision, state = excluded.state, taken_at = now()
       where aggregate_snapshots.revision < excluded.revision`,
      [streamName, version, snapshot.revision.toString(), JSON.stringify(snapshot.state)],
    );
  }
}
