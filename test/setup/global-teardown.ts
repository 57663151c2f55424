import { dropTemplateDatabase } from '../support/test-database';

export default async function globalTeardown(): Promise<void> {
  await dropTemplateDatabase().catch(() => undefined);
  const handle = (globalThis as { __EMBEDDED_PG__?: { stop(): Promise<void> } }).__EMBEDDED_PG__;
  await handle?.stop();
}
