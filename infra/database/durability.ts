import { Client } from 'pg';

export interface DurabilitySettings {
  fsync: string;
  synchronousCommit: string;
  /** Standbys the primary waits for (empty: none). */
  synchronousStandbyNames: string;
}

/**
 * What would lose an acknowledged event if the database host failed (ADR 0008: an acknowledged
 * report must never be lost). `fsync` must be on; `synchronous_commit` must be `on`, or `remote_apply` when a
 * synchronous standby is configured. Empty when the settings are durable.
 */
export function durabilityProblems(settings: DurabilitySettings): string[] {
  const problems: string[] = [];
  if (settings.fsync !== 'on')
    problems.push(`fsync=${settings.fsync}: a crash of the database host can lose committed events (must be on)`);
  const commit = settings.synchronousCommit;
  const withStandby = settings.synchronousStandbyNames.trim() !== '';
  if (!(commit === 'on' || (commit === 'remote_apply' && withStandby))) {
    problems.push(
      `synchronous_commit=${commit}: a commit may be acknowledged before it is durable (must be on, or remote_apply with synchronous_standby_names set)`,
    );
  }
  return problems;
}

/** Reads the settings as the application's own connections see them. */
export async function readDurabilitySettings(databaseUrl: string): Promise<DurabilitySettings> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{
      fsync: string;
      synchronous_commit: string;
      synchronous_standby_names: string;
    }>(
      `select current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit,
              current_setting('synchronous_standby_names') as synchronous_standby_names`,
    );
    const row = rows[0]!;
    return {
      fsync: row.fsync,
      synchronousCommit: row.synchronous_commit,
      synchronousStandbyNames: row.synchronous_standby_names,
    };
  } finally {
    await client.end();
  }
}
