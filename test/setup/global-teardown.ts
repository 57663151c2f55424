import { dropTemplateDatabase, dropWorkerDatabases } from '../support/test-database';

export default async function globalTeardown(): Promise<void> {
  await dropWorkerDatabases().catch(() => undefined);
  await dropTemplateDatabase().catch(() => undefined);
  const handle = (globalThis as { __EMBEDDED_PG__?: { stop(): Promise<void> } }).__EMBEDDED_PG__;
  await handle?.stop();
}
