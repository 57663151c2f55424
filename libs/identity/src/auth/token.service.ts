import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { isRole, type Role } from '@app/shared';
import { configuredKid, ensureSigningKey, liveSigningKeys, secretKey, type SigningKey } from './signing-keys';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  /** AUTH_TOKEN_SECRET: when set, it is the signing key; unset, keys come from auth_signing_keys. */
  secret?: string;
  ttlSeconds: number;
  /** AUTH_SESSION_HOURS: the absolute lifetime of a session. */
  sessionHours: number;
  /** The event store is the PostgreSQL one (es_events in this database): GET /audit queries it directly. */
  eventLogInPostgres?: boolean;
}

export interface TokenClaims {
  sub: string;
  /** The session (auth_sessions row) the token belongs to; checked on every use. */
  sid: string;
  username: string;
  roles: Role[];
  jurisdiction: string;
  exp: number;
}

export interface IssuedToken {
  accessToken: string;
  expiresAt: string;
}

/** How often the live keys are re-read, so a key retired by another process stops verifying here too. */
const KEY_RELOAD_MS = 30_000;
/** An unknown `kid` (a key made by another process a moment ago) re-reads the keys, at most this often. */
const UNKNOWN_KID_RELOAD_MS = 2_000;

/**
 * Short-lived HS256 access tokens (@nestjs/jwt over jsonwebtoken). Each names its signing key (`kid`) and its session
 * (`sid`). Keys are KeyObjects made once: given a string, jsonwebtoken tries to parse it as a PEM key first on every
 * call, which cost 5% of the server's CPU in the console-latency bench.
 */
@Injectable()
export class TokenService implements OnModuleInit, OnModuleDestroy {
  private signing: SigningKey | undefined;
  private verifying = new Map<string, SigningKey>();
  private readonly configured: SigningKey | undefined;
  private reloadTimer: NodeJS.Timeout | undefined;
  private lastReload = 0;
  private reloading: Promise<void> | undefined;

  constructor(
    private readonly jwt: JwtService,
    private readonly dataSource: DataSource,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {
    this.configured = options.secret
      ? { kid: configuredKid(options.secret), key: secretKey(options.secret) }
      : undefined;
  }

  async onModuleInit(): Promise<void> {
    if (!this.configured) await ensureSigningKey(this.dataSource);
    await this.reload();
    this.reloadTimer = setInterval(() => void this.reload().catch(() => undefined), KEY_RELOAD_MS);
    this.reloadTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.reloadTimer);
  }

  get ttlSeconds(): number {
    return this.options.ttlSeconds;
  }

  async issue(
    user: { id: string; username: string; roles: Role[]; jurisdiction: string },
    sessionId: string,
  ): Promise<IssuedToken> {
    const signing = this.signing;
    if (!signing) throw new Error('no signing key loaded');
    const accessToken = await this.jwt.signAsync(
      { sid: sessionId, username: user.username, roles: user.roles, jurisdiction: user.jurisdiction },
      {
        subject: user.id,
        expiresIn: this.options.ttlSeconds,
        secret: signing.key as unknown as string,
        algorithm: 'HS256',
        header: { alg: 'HS256', kid: signing.kid },
      },
    );
    const { exp } = this.jwt.decode<{ exp: number }>(accessToken);
    return { accessToken, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** The claims of a valid, unexpired token signed with a live key; undefined for anything else. */
  async verify(token: string): Promise<TokenClaims | undefined> {
    try {
      const decoded = this.jwt.decode<{ header?: { kid?: unknown } } | null>(token, { complete: true });
      const kid = decoded?.header?.kid;
      const key = await this.keyFor(typeof kid === 'string' ? kid : undefined);
      if (!key) return undefined;
      const claims = await this.jwt.verifyAsync<Record<string, unknown>>(token, {
        secret: key.key as unknown as string,
        algorithms: ['HS256'],
      });
      const { sub, sid, username, roles, jurisdiction, exp } = claims;
      if (
        typeof sub !== 'string' ||
        typeof sid !== 'string' ||
        typeof username !== 'string' ||
        typeof jurisdiction !== 'string' ||
        typeof exp !== 'number'
      )
        return undefined;
      if (!UUID.test(sub) || !UUID.test(sid)) return undefined;
      if (!Array.isArray(roles) || !roles.every(isRole)) return undefined;
      return { sub, sid, username, roles, jurisdiction, exp };
    } catch {
      return undefined;
    }
  }

  /** A token without `kid` can only be one signed with the configured secret. */
  private async keyFor(kid: string | undefined): Promise<SigningKey | undefined> {
    if (kid === undefined) return this.configured;
    const known = this.verifying.get(kid);
    if (known) return known;
    if (Date.now() - this.lastReload < UNKNOWN_KID_RELOAD_MS) return undefined;
    await this.reload();
    return this.verifying.get(kid);
  }

  /** Re-reads the live keys now (rotation takes effect at the next periodic reload otherwise). */
  reload(): Promise<void> {
    this.reloading ??= (async () => {
      try {
        this.lastReload = Date.now();
        const stored = await liveSigningKeys(this.dataSource);
        const keys = this.configured ? [this.configured, ...stored] : stored;
        this.verifying = new Map(keys.map((k) => [k.kid, k]));
        this.signing = this.configured ?? stored[0] ?? this.signing;
      } finally {
        this.reloading = undefined;
      }
    })();
    return this.reloading;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
