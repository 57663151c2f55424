import type { INestApplication } from '@nestjs/common';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { idempotentAggregateId } from '@app/event-sourcing';
import { creditCodeClaimAggregate, enterpriseAggregate, newDeviceKey } from '@app/enterprises';
import { DEMO_ACTOR, demoContext as context, demoExecutor } from './demo-commands';
import { DEMO_ENTERPRISES } from './demo-enterprises';

/** Where the demo gateways' keys are written for the monitoring simulator: `{ creditCode: key }`, mode 0600. */
export const DEMO_DEVICE_KEYS_FILE = '.data/demo-device-keys.json';

/**
 * Registers the invented demo enterprises through the one write path (code claim, then registration, both with
 * idempotency keys, so a second start appends nothing) and gives each one device key. A key is a secret shown once,
 * so it cannot be replayed: a key already in the file is kept while its enterprise still holds it unrevoked, and a
 * fresh key is issued otherwise. Returns how many enterprises and keys were new.
 */
export async function seedDemoEnterprises(
  app: INestApplication,
  keysFile = resolve(process.cwd(), DEMO_DEVICE_KEYS_FILE),
): Promise<{ enterprises: number; keys: number }> {
  const executor = demoExecutor(app);
  const now = executor.now();
  const known = await readKeys(keysFile);
  const keys: Record<string, string> = {};
  let enterprises = 0;
  let issued = 0;
  for (const [i, e] of DEMO_ENTERPRISES.entries()) {
    const key = `demo-enterprise-${i + 1}`;
    const enterpriseId = idempotentAggregateId('enterprise', DEMO_ACTOR, key);
    await executor.execute(
      creditCodeClaimAggregate,
      e.creditCode,
      { type: 'ClaimCreditCode', creditCode: e.creditCode, enterpriseId, holderMissing: false, now },
      { ...context(`${key}-claim`), jurisdiction: e.jurisdiction },
    );
    const registered = await executor.execute(
      enterpriseAggregate,
      enterpriseId,
      {
        type: 'RegisterEnterprise',
        enterpriseId,
        name: e.name,
        creditCode: e.creditCode,
        industry: e.industry,
        jurisdiction: e.jurisdiction,
        address: e.address,
        location: { lat: e.lat, lng: e.lng },
        contacts: { principal: { ...e.principal }, safety: { ...e.safety } },
        now,
      },
      { ...context(key), jurisdiction: e.jurisdiction },
    );
    if (!registered.replayed) enterprises++;
    const { state } = await executor.load(enterpriseAggregate, enterpriseId);
    const held = known[e.creditCode];
    const heldId = held?.slice(0, held.indexOf('.'));
    if (held && state.status === 'registered' && state.keys.some((k) => k.keyId === heldId && !k.revoked)) {
      keys[e.creditCode] = held;
      continue;
    }
    const fresh = newDeviceKey();
    await executor.execute(
      enterpriseAggregate,
      enterpriseId,
      {
        type: 'IssueDeviceKey',
        keyId: fresh.keyId,
        label: '演示网关',
        secretHash: fresh.secretHash,
        issuedBy: '演示数据',
        now,
      },
      { correlationId: key, causationId: key, actorId: DEMO_ACTOR, actorName: '演示数据' },
    );
    keys[e.creditCode] = fresh.key;
    issued++;
  }
  await mkdir(dirname(keysFile), { recursive: true });
  await writeFile(keysFile, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });
  await chmod(keysFile, 0o600);
  return { enterprises, keys: issued };
}

async function readKeys(file: string): Promise<Record<string, string>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}
