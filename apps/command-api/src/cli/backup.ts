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
import { loadBackup, writeBackup } from './backup-file';
import { rebuildReadModels } from './rebuild-projection';

/**
 * `npm run backup -- <file>`: the events, users and jurisdictions of DATABASE_URL, or of the embedded database
 * (the running one of `npm start`, or started for the occasion), into one gzip'd file.
 * `npm run restore -- <file>`: into an empty database (DATABASE_URL, or the embedded one), then every read model is
 * rebuilt from the restored events.
 */
async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || !file)
    throw new Error('usage: backup.js backup|restore <file>');
  const config = validateConfig(process.env);
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
    await rebuildReadModels(config, url, 'all', (text) => process.stdout.write(text));
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `\n${process.argv[2] ?? 'backup'} failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
