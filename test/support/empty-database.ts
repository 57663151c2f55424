import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { dropDatabase } from './test-database';

/**
 * A new database with nothing in it, not even the migrations (a first start of several processes, a start that must
 * log the migrations it applies). `ownerUrl` migrates it; `url` is the application role's, when the run has one.
 */
export async function createEmptyDatabase(): Promise<{ url: string; ownerUrl: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL!;
  const name = `e2e_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const at = (url: string): string => {
    const copy = new URL(url);
    copy.pathname = `/${name}`;
    return copy.toString();
  };
  const ownerUrl = at(base);
  const appBase = process.env.TEST_APP_DATABASE_URL;
  return { url: appBase ? at(appBase) : ownerUrl, ownerUrl, drop: () => dropDatabase(ownerUrl) };
}
