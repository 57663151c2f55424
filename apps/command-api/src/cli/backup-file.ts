import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import { UNLIMITED_SESSION } from '../infrastructure/session-limits';

/**
 * A backup is what cannot be derived: the event store (streams and events), the users and the jurisdiction tree, and
 * how far each projection and process manager had got, as the last event at or before its checkpoint (positions are
 * given anew by a restore; the events keep their order). Read models, snapshots and transient tables are rebuilt from
 * the events on restore; a process manager is seated up to where it had got, so it issues again nothing it did
 * (docs/adr/0024-cold-start.md). Format: gzip'd
 * JSON lines, a header then one `{ table, row }` per row, read in one repeatable-read snapshot (consistent while
 * the system runs). pg_dump is not used: the embedded PostgreSQL ships without it, and Debian's client is older
 * than the embedded server.
 */
const FORMAT = 'emergency-command-backup';
/** Not a table: each checkpoint named by the last event at or before it. */
const CHECKPOINT_EVENTS = 'checkpoint_events';
const TABLES: readonly { name: string; order: string; from?: string }[] = [
  { name: 'jurisdictions', order: 'code' },
  { name: 'users', order: 'id' },
  { name: 'es_streams', order: 'stream_name' },
  { name: 'es_events', order: 'transaction_id, global_position' },
  {
    name: CHECKPOINT_EVENTS,
    order: 'projection',
    // No event at or before it (a checkpoint at the start): the stream is null, and the restore puts it at the start.
    from: `(select c.projection, e.stream_name, e.stream_revision
              from projection_checkpoints c
              left join lateral (
                select stream_name, stream_revision from es_events
                 where (transaction_id, global_position) <= (c.position_commit::text::xid8, c.position_prepare::bigint)
                 order by transaction_id desc, global_position desc limit 1) e on true)`,
  },
];
const PAGE = 5_000;

export interface BackupSummary {
  rows: Record<string, number>;
  /** The projections whose checkpoints the backup carried (older backups carry none). */
  checkpoints?: string[];
}

interface CheckpointEvent {
  projection: string;
  stream_name: string | null;
  stream_revision: string | number | null;
}

export async function writeBackup(databaseUrl: string, file: string): Promise<BackupSummary> {
  // Exempt from the API's session limits: pages are written out between reads of one long snapshot transaction.
  const client = new Client({ connectionString: databaseUrl, options: UNLIMITED_SESSION });
  await client.connect();
  const rows: Record<string, number> = {};
  try {
    await client.query('begin transaction isolation level repeatable read read only');
    async function* lines(): AsyncGenerator<string> {
      yield `${JSON.stringify({ format: FORMAT, version: 1, createdAt: new Date().toISOString(), tables: TABLES.map((t) => t.name) })}\n`;
      for (const table of TABLES) {
        rows[table.name] = 0;
        for (let offset = 0; ; offset += PAGE) {
          const page = await client.query<{ row: unknown }>(
            `select to_jsonb(t) as row from ${table.from ?? table.name} t order by ${table.order} limit ${PAGE} offset ${offset}`,
          );
          for (const { row } of page.rows) yield `${JSON.stringify({ table: table.name, row })}\n`;
          rows[table.name]! += page.rows.length;
          if (page.rows.length < PAGE) break;
        }
      }
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(file, { mode: 0o600 }));
    await client.query('commit');
    return { rows };
  } finally {
    await client.end();
  }
}

/**
 * Loads a backup into a database that has the schema (migrations) but no events and no users. Events are appended
 * again in their original order: they keep their ids, streams, revisions, data, metadata and recording times, and
 * get new global positions from this database (the old transaction ids would sort behind the new ones' future).
 */
export async function loadBackup(databaseUrl: string, file: string): Promise<BackupSummary> {
  // Exempt from the API's session limits: a restore appends a whole store in one run.
  const client = new Client({ connectionString: databaseUrl, options: UNLIMITED_SESSION });
  await client.connect();
  const rows: Record<string, number> = {};
  const checkpoints: CheckpointEvent[] = [];
  try {
    const { rows: existing } = await client.query<{ events: number; users: number }>(
      `select (select count(*) from es_events)::int as events, (select count(*) from users)::int as users`,
    );
    if (existing[0]!.events > 0 || existing[0]!.users > 0)
      throw new Error('the target database already holds events or users: restore only into an empty one');
    const input = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    let header: { format?: string; version?: number } | undefined;
    let batch: { table: string; rows: unknown[] } | undefined;
    const flush = async (): Promise<void> => {
      if (!batch || batch.rows.length === 0) return;
      await client.query('begin');
      await client.query(await insertStatement(client, batch.table), [JSON.stringify(batch.rows)]);
      await client.query('commit');
      rows[batch.table] = (rows[batch.table] ?? 0) + batch.rows.length;
      batch.rows = [];
    };
    for await (const line of input) {
      if (!line) continue;
      const parsed = JSON.parse(line) as { table?: string; row?: unknown; format?: string; version?: number };
      if (!header) {
        if (parsed.format !== FORMAT || parsed.version !== 1)
          throw new Error(`${file} is not a backup of this system (format ${String(parsed.format)})`);
        header = parsed;
        continue;
      }
      if (!parsed.table || !TABLES.some((t) => t.name === parsed.table))
        throw new Error(`unexpected table ${String(parsed.table)} in ${file}`);
      if (parsed.table === CHECKPOINT_EVENTS) {
        checkpoints.push(parsed.row as CheckpointEvent);
        continue;
      }
      if (batch?.table !== parsed.table) {
        await flush();
        batch = { table: parsed.table, rows: [] };
      }
      batch.rows.push(parsed.row);
      if (batch.rows.length >= PAGE) await flush();
    }
    await flush();
    if (!header) throw new Error(`${file} is empty`);
    await seatCheckpoints(client, checkpoints);
    rows[CHECKPOINT_EVENTS] = checkpoints.length;
    return { rows, checkpoints: checkpoints.map((c) => c.projection) };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Each checkpoint at the restored position of the event it named (the events were appended again in their order, so
 * the same event marks the same point of the log).
 */
async function seatCheckpoints(client: Client, checkpoints: readonly CheckpointEvent[]): Promise<void> {
  if (checkpoints.length === 0) return;
  await client.query('begin');
  for (const c of checkpoints) {
    const { rows } = c.stream_name
      ? await client.query<{ commit: string; prepare: string }>(
          `select transaction_id::text as commit, global_position::text as prepare
             from es_events where stream_name = $1 and stream_revision = $2`,
          [c.stream_name, c.stream_revision],
        )
      : { rows: [{ commit: '0', prepare: '0' }] };
    const at = rows[0];
    if (!at) throw new Error(`checkpoint of ${c.projection} names an event the backup does not hold`);
    await client.query(
      `insert into projection_checkpoints (projection, position_commit, position_prepare, store, store_identity, updated_at)
       values ($1, $2, $3, 'postgres', null, now())`,
      [c.projection, at.commit, at.prepare],
    );
  }
  await client.query('commit');
}

async function insertStatement(client: Client, table: string): Promise<string> {
  switch (table) {
    case 'jurisdictions': {
      // The migrations seed the tree; the backup's version (with any later edits) wins, column by column.
      const { rows } = await client.query<{ column_name: string }>(
        `select column_name from information_schema.columns where table_schema = current_schema() and table_name = 'jurisdictions' and column_name <> 'code'`,
      );
      return `insert into jurisdictions select * from jsonb_populate_recordset(null::jurisdictions, $1::jsonb)
              on conflict (code) do update set ${rows.map((r) => `${r.column_name} = excluded.${r.column_name}`).join(', ')}`;
    }
    case 'es_events':
      return `insert into es_events (stream_name, category, stream_revision, event_id, event_type, data, metadata, recorded_at)
              select stream_name, category, stream_revision, event_id, event_type, data, metadata, recorded_at
                from jsonb_populate_recordset(null::es_events, $1::jsonb) order by transaction_id, global_position`;
    default:
      return `insert into ${table} select * from jsonb_populate_recordset(null::${table}, $1::jsonb)`;
  }
}
