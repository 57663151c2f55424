import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { Client } from 'pg';
import { UNLIMITED_SESSION } from '../infrastructure/session-limits';

/**
 * A backup is what cannot be derived: the event store (streams and events), the users and the jurisdiction tree.
 * Read models, checkpoints, snapshots and transient tables are rebuilt from the events on restore. Format: gzip'd
 * JSON lines, a header then one `{ table, row }` per row, read in one repeatable-read snapshot (consistent while
 * the system runs). pg_dump is not used: the embedded PostgreSQL ships without it, and Debian's client is older
 * than the embedded server.
 */
const FORMAT = 'emergency-command-backup';
const TABLES = [
  { name: 'jurisdictions', order: 'code' },
  { name: 'users', order: 'id' },
  { name: 'es_streams', order: 'stream_name' },
  { name: 'es_events', order: 'transaction_id, global_position' },
] as const;
const PAGE = 5_000;

export interface BackupSummary {
  rows: Record<string, number>;
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
            `select to_jsonb(t) as row from ${table.name} t order by ${table.order} limit ${PAGE} offset ${offset}`,
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
      if (batch?.table !== parsed.table) {
        await flush();
        batch = { table: parsed.table, rows: [] };
      }
      batch.rows.push(parsed.row);
      if (batch.rows.length >= PAGE) await flush();
    }
    await flush();
    if (!header) throw new Error(`${file} is empty`);
    return { rows };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
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
