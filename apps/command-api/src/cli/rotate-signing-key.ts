import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { rotateSigningKeys } from '@app/identity';
import { validateConfig } from '@app/shared/nest';
import { runMigrations } from '@app/infra/database/migrations';
import {
  runningEmbeddedPostgresUrl,
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from '@app/infra/embedded/embedded-postgres.launcher';

/**
 * `npm run auth:rotate-key`: a new access-token signing key in auth_signing_keys, used by every API process within
 * 30 s; the previous key keeps verifying (tokens it signed live one access-token lifetime at most), older ones are
 * retired. `-- --retire-all` retires every other key at once (after a leak): consoles then renew through their refresh
 * tokens, nobody has to sign in again. With AUTH_TOKEN_SECRET set that secret stays the signing key: rotate it in the
 * configuration instead.
 */
async function main(): Promise<void> {
  const retireAll = process.argv.slice(2).includes('--retire-all');
  const config = validateConfig(process.env);
  let embedded: EmbeddedPostgresHandle | undefined;
  const url =
    config.DATABASE_URL ??
    runningEmbeddedPostgresUrl('pg', 'emergency_command') ??
    (embedded = await startEmbeddedPostgres({ name: 'pg', database: 'emergency_command' })).url;
  try {
    await runMigrations(url);
    const dataSource = await new DataSource({ type: 'postgres', url }).initialize();
    try {
      const { kid, retired } = await rotateSigningKeys(dataSource, { retireAllButNew: retireAll });
      process.stdout.write(`new signing key ${kid}; retired: ${retired.length > 0 ? retired.join(', ') : 'none'}\n`);
      if (config.AUTH_TOKEN_SECRET)
        process.stdout.write(
          'note: AUTH_TOKEN_SECRET is set, so it stays the signing key; the new key only verifies\n',
        );
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`\nauth:rotate-key failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
