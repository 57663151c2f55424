import { createHash, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

export interface SigningKey {
  kid: string;
  key: KeyObject;
}

/** The key id of a configured AUTH_TOKEN_SECRET: derived from it, so every process names it alike, revealing nothing. */
export function configuredKid(secret: string): string {
  return `env-${createHash('sha256').update(secret).digest('base64url').slice(0, 12)}`;
}

export function secretKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}

/**
 * Ensures at least one live key exists. Two processes starting at once on an empty table must not each make one and
 * sign with different keys for a while, so the check and the insert run under one transaction-scoped advisory lock.
 */
export async function ensureSigningKey(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.query(`select pg_advisory_xact_lock(hashtext('auth_signing_keys'))`);
    const live: unknown[] = await manager.query(`select 1 from auth_signing_keys where retired_at is null limit 1`);
    if (live.length === 0) await insertSigningKey(manager);
  });
}

export async function insertSigningKey(manager: EntityManager | DataSource): Promise<string> {
  const kid = `k-${randomBytes(9).toString('base64url')}`;
  await manager.query(`insert into auth_signing_keys (kid, secret) values ($1, $2)`, [
    kid,
    randomBytes(48).toString('base64url'),
  ]);
  return kid;
}

/** Live (not retired) keys, newest first. */
export async function liveSigningKeys(dataSource: DataSource): Promise<SigningKey[]> {
  const rows: { kid: string; secret: string }[] = await dataSource.query(
    `select kid, secret from auth_signing_keys where retired_at is null order by created_at desc, kid`,
  );
  return rows.map((r) => ({ kid: r.kid, key: secretKey(r.secret) }));
}

/**
 * Rotation: a new key signs from now on; the previous newest stays valid (tokens it signed live at most one access
 * token lifetime); every older key is retired. Run it twice, an access-token lifetime apart, to retire a key entirely
 * (or with `retireAllButNew` at once, after a leak: every console then renews its token through its refresh token).
 */
export async function rotateSigningKeys(
  dataSource: DataSource,
  options: { retireAllButNew?: boolean } = {},
): Promise<{ kid: string; retired: string[] }> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`select pg_advisory_xact_lock(hashtext('auth_signing_keys'))`);
    const previous: { kid: string }[] = await manager.query(
      `select kid from auth_signing_keys where retired_at is null order by created_at desc, kid`,
    );
    const keep = options.retireAllButNew ? [] : previous.slice(0, 1).map((r) => r.kid);
    const retire = previous.map((r) => r.kid).filter((kid) => !keep.includes(kid));
    if (retire.length > 0)
      await manager.query(`update auth_signing_keys set retired_at = clock_timestamp() where kid = any($1)`, [retire]);
    const kid = await insertSigningKey(manager);
    return { kid, retired: retire };
  });
}
