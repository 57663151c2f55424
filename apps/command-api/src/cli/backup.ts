import 'reflect-metadata';
import { resolve } from 'node:path';
import { validateConfig } from '@app/shared/nest';
import { runMigrations } from '@app/infra/database/migrations';
import {
  runningEmbeddedPostgresUrl,
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from '@app/infra/embedded/embedded-postgres.launcher';
import { applicationRole, EMBEDDED_APP_ROLE } from '@app/infra/database/roles';
import { BACKFILL_KEY_STREAMS, BACKFILL_KEYS } from '@app/infra/migrations/1732000001750-idempotency-keys';
import { Client } from 'pg';
import type { Position } from '@app/event-store';
import { UNLIMITED_SESSION } from '../infrastructure/session-limits';
import { loadBackup, writeBackup } from './backup-file';
import { rebuildReadModels } from './rebuild-projection';

/**
 * With EVENT_STORE=kurrentdb the events are in KurrentDB, which this file format does not read: a "backup" would hold
 * no events and a restore would put events where the API never reads them. Refused, with what to do instead.
 */
export const KURRENTDB_REFUSAL =
  'EVENT_STORE=kurrentdb: the events are in KurrentDB, which this backup does not read or write. Back KurrentDB up ' +
  "with KurrentDB's own procedure: a file copy of its database directory (checkpoint files first, then the index " +
  'and the chunks, as its backup documentation orders them) or a snapshot of the volume holding it. Back the ' +
  'PostgreSQL database of DATABASE_URL (users, jurisdictions, Idempotency-Keys) up with pg_dump. Read models and ' +
  'their checkpoints need no backup: after a restore, rebuild them from KurrentDB with `npm run projections:rebuild ' +
  '-- all` (docs/kurrentdb.md, Backups).';

/**
 * `npm run backup -- <file>`: the events, users and jurisdictions of DATABASE_URL, or of the embedded database
 * (the running one of `npm start`, or started for the occasion), into one gzip'd file.
 * `npm run restore -- <file>`: into an empty database (DATABASE_URL, or the embedded one), then every read model is
 * rebuilt from the restored events, and every process manager is seated where it had got (its tables rebuilt, not
 * one command issued for what it had handled; it then handles what it had not).
 */
export async function runBackupCommand(args: readonly string[], env: Record<string, unknown>): Promise<void> {
  const [command, file] = args;
  if ((command !== 'backup' && command !== 'restore') || !file)
    throw new Error('usage: backup.js backup|restore <file>');
  const config = validateConfig(env);
  if (config.EVENT_STORE === 'kurrentdb') throw new Error(KURRENTDB_REFUSAL);
  let embedded: EmbeddedPostgresHandle | undefined;
  // Restoring writes the event log directly, which only the owner may: DATABASE_OWNER_URL when the roles are split.
  const url =
    config.DATABASE_OWNER_URL ??
    config.DATABASE_URL ??
    runningEmbeddedPostgresUrl('pg', 'emergency_command') ??
    (embedded = await startEmbeddedPostgres({ name: 'pg', database: 'emergency_command' })).url;
  const appRole = config.DATABASE_URL ? applicationRole(config.DATABASE_URL, url) : EMBEDDED_APP_ROLE;
  const path = resolve(file);
  try {
    if (command === 'backup') {
      const { rows } = await writeBackup(url, path);
      process.stdout.write(
        `backup written to ${path}: ${Object.entries(rows)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')}\n`,
      );
      return;
    }
    await runMigrations(url, { appRole });
    const { rows } = await loadBackup(url, path);
    process.stdout.write(
      `restored from ${path}: ${Object.entries(rows)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')}; rebuilding read models\n`,
    );
    const head = await afterRestore(url);
    // A backup written before checkpoints were carried: its process managers are taken to have handled everything.
    await rebuildReadModels(config, url, 'all', (text) => process.stdout.write(text), {
      processesWithoutCheckpointAt: head,
    });
  } finally {
    await embedded?.stop();
  }
}

/**
 * The Idempotency-Key record again, from the restored events' metadata (the migration's backfill): a keyed step that
 * a process manager had begun, or a client's retry that straddles the restore, is recognised and appends nothing
 * twice. Answers the head of the restored log.
 */
async function afterRestore(url: string): Promise<Position | undefined> {
  const client = new Client({ connectionString: url, options: UNLIMITED_SESSION });
  await client.connect();
  try {
    await client.query(BACKFILL_KEYS);
    await client.query(BACKFILL_KEY_STREAMS);
    const { rows } = await client.query<{ commit: string; prepare: string }>(
      `select transaction_id::text as commit, global_position::text as prepare
         from es_events order by transaction_id desc, global_position desc limit 1`,
    );
    return rows[0] ? { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) } : undefined;
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  await runBackupCommand(process.argv.slice(2), process.env);
}

if (require.main === module)
  main().catch((error: unknown) => {
    process.stderr.write(
      `\n${process.argv[2] ?? 'backup'} failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
