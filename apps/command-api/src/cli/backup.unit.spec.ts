import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBackupCommand } from './backup';

describe('backup and restore with EVENT_STORE=kurrentdb', () => {
  const env = { EVENT_STORE: 'kurrentdb', KURRENTDB_URL: 'kurrentdb://127.0.0.1:2113?tls=false' };

  it.each(['backup', 'restore'])('%s refuses, naming KurrentDB’s own backup and what is rebuilt', async (command) => {
    const dir = mkdtempSync(join(tmpdir(), 'backup-refusal-'));
    const attempt = runBackupCommand([command, join(dir, 'site.backup.gz')], env);
    await expect(attempt).rejects.toThrow(/EVENT_STORE=kurrentdb: the events are in KurrentDB/);
    const message = await attempt.catch((error: Error) => error.message);
    expect(message).toMatch(/file copy of its database directory/);
    expect(message).toMatch(/snapshot of the volume/);
    expect(message).toMatch(/pg_dump/);
    expect(message).toMatch(/npm run projections:rebuild -- all/);
    // Refused before anything was written (no empty "backup" left behind to be trusted later).
    expect(readdirSync(dir)).toEqual([]);
  });
});
