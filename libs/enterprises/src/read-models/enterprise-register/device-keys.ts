import { Inject, Injectable, Optional } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@app/shared';

/** Who a valid device key speaks for. */
export interface VerifiedDevice {
  keyId: string;
  enterpriseId: string;
  creditCode: string;
  jurisdiction: string;
}

export interface DeviceKeysOptions {
  /** How long a looked-up key (valid, revoked or unknown) is trusted before it is read again. */
  cacheTtlMs: number;
  /** Entries kept at most (oldest dropped first). */
  cacheSize: number;
  /** `last_used_at` is written at most this often per key. */
  touchEveryMs: number;
}

export const DEVICE_KEYS_OPTIONS = Symbol('DEVICE_KEYS_OPTIONS');

const DEFAULTS: DeviceKeysOptions = { cacheTtlMs: 5_000, cacheSize: 10_000, touchEveryMs: 60_000 };

/** `dk_` and 16 hex digits: the part of a key that names its row. */
const KEY_ID = /^dk_[0-9a-f]{16}$/;
/** 32 random bytes in base64url. */
const SECRET = /^[A-Za-z0-9_-]{43}$/;

/** A new key: `<keyId>.<secret>`, the secret 256 random bits. Only `secretHash` is ever stored. */
export function newDeviceKey(): { keyId: string; key: string; secretHash: string } {
  const keyId = `dk_${randomBytes(8).toString('hex')}`;
  const secret = randomBytes(32).toString('base64url');
  return { keyId, key: `${keyId}.${secret}`, secretHash: hashSecret(secret) };
}

/** SHA-256, hex. The secret is uniformly random, so a slow password hash would add cost and no safety. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

interface KeyEntry {
  device: VerifiedDevice;
  hash: Buffer;
  lastUsedAt: number | null;
}

interface Cached {
  entry: Promise<KeyEntry | null>;
  expiresAt: number;
}

/**
 * Verifies gateways' device keys (X-Device-Key over HTTP, the MQTT password). Called for every reading batch and
 * every MQTT connect, so one key costs one indexed row read every few seconds at most: the key names its row, the
 * row (or its absence, or its revocation) is cached for `cacheTtlMs`, and the secret's hash is compared in constant
 * time. A revoked key therefore stops working within `cacheTtlMs` on every instance, at once on the instance that
 * revoked it (`forget`).
 */
@Injectable()
export class DeviceKeys {
  private readonly cache = new Map<string, Cached>();
  private readonly options: DeviceKeysOptions;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Optional() @Inject(DEVICE_KEYS_OPTIONS) options?: Partial<DeviceKeysOptions>,
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  async verify(key: unknown): Promise<VerifiedDevice | null> {
    if (typeof key !== 'string') return null;
    const dot = key.indexOf('.');
    const keyId = key.slice(0, dot);
    const secret = key.slice(dot + 1);
    if (dot < 0 || !KEY_ID.test(keyId) || !SECRET.test(secret)) return null;
    const entry = await this.entryOf(keyId);
    if (!entry) return null;
    const presented = Buffer.from(hashSecret(secret), 'hex');
    if (presented.length !== entry.hash.length || !timingSafeEqual(presented, entry.hash)) return null;
    await this.touch(entry);
    return { ...entry.device };
  }

  /** Drops a key from this instance's cache (after a revocation here). */
  forget(keyId: string): void {
    this.cache.delete(keyId);
  }

  private entryOf(keyId: string): Promise<KeyEntry | null> {
    const now = Date.now();
    const cached = this.cache.get(keyId);
    if (cached && cached.expiresAt > now) return cached.entry;
    // Concurrent verifications of one key share one read.
    const entry = this.load(keyId).catch((error: unknown) => {
      this.cache.delete(keyId);
      throw error;
    });
    this.cache.delete(keyId);
    this.cache.set(keyId, { entry, expiresAt: now + this.options.cacheTtlMs });
    while (this.cache.size > this.options.cacheSize) this.cache.delete(this.cache.keys().next().value!);
    return entry;
  }

  private async load(keyId: string): Promise<KeyEntry | null> {
    const rows: {
      key_id: string;
      enterprise_id: string;
      secret_hash: string;
      last_used_at: Date | null;
      credit_code: string;
      jurisdiction: string;
    }[] = await this.dataSource.query(
      `select k.key_id, k.enterprise_id, k.secret_hash, k.last_used_at, e.credit_code, e.jurisdiction
         from enterprise_device_keys k join enterprise_register e on e.id = k.enterprise_id
        where k.key_id = $1 and k.revoked_at is null`,
      [keyId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      device: {
        keyId: row.key_id,
        enterpriseId: row.enterprise_id,
        creditCode: row.credit_code,
        jurisdiction: row.jurisdiction,
      },
      hash: Buffer.from(row.secret_hash, 'hex'),
      lastUsedAt: row.last_used_at ? row.last_used_at.getTime() : null,
    };
  }

  /** `last_used_at`, at most once per `touchEveryMs` per key; a failed write never refuses a valid key. */
  private async touch(entry: KeyEntry): Promise<void> {
    const now = this.clock.now();
    if (entry.lastUsedAt !== null && now.getTime() - entry.lastUsedAt < this.options.touchEveryMs) return;
    entry.lastUsedAt = now.getTime();
    await this.dataSource
      .query(
        `update enterprise_device_keys set last_used_at = $2
          where key_id = $1 and (last_used_at is null or last_used_at <= $2::timestamptz - make_interval(secs => $3))`,
        [entry.device.keyId, now, this.options.touchEveryMs / 1000],
      )
      .catch(() => undefined);
  }
}
