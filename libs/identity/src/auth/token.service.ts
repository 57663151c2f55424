import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey, type KeyObject } from 'node:crypto';
import { isRole, type Role } from '@app/shared';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

export interface AuthOptions {
  secret: string;
  ttlSeconds: number;
}

export interface TokenClaims {
  sub: string;
  username: string;
  roles: Role[];
  jurisdiction: string;
  exp: number;
}

export interface IssuedToken {
  accessToken: string;
  expiresAt: string;
}

/** Short-lived HS256 tokens (@nestjs/jwt over jsonwebtoken); the secret comes from validated configuration. */
@Injectable()
export class TokenService {
  /**
   * The secret as a KeyObject, made once: given a string, jsonwebtoken first tries to parse it as a PEM public key
   * (and throws) and then builds a secret key, on every request and socket handshake — 5% of the server's CPU in the
   * console-latency bench. (@nestjs/jwt types the secret as string | Buffer; jsonwebtoken takes a KeyObject.)
   */
  private readonly key: string;

  constructor(
    private readonly jwt: JwtService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {
    this.key = createSecretKey(Buffer.from(options.secret, 'utf8')) satisfies KeyObject as unknown as string;
  }

  async issue(user: { id: string; username: string; roles: Role[]; jurisdiction: string }): Promise<IssuedToken> {
    const accessToken = await this.jwt.signAsync(
      { username: user.username, roles: user.roles, jurisdiction: user.jurisdiction },
      { subject: user.id, expiresIn: this.options.ttlSeconds, secret: this.key, algorithm: 'HS256' },
    );
    const { exp } = this.jwt.decode<{ exp: number }>(accessToken);
    return { accessToken, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** The claims of a valid, unexpired token; undefined for anything else. */
  async verify(token: string): Promise<TokenClaims | undefined> {
    try {
      const claims = await this.jwt.verifyAsync<Record<string, unknown>>(token, { secret: this.key, algorithms: ['HS256'] });
      const { sub, username, roles, jurisdiction, exp } = claims;
      if (typeof sub !== 'string' || typeof username !== 'string' || typeof jurisdiction !== 'string' || typeof exp !== 'number') return undefined;
      if (!Array.isArray(roles) || !roles.every(isRole)) return undefined;
      return { sub, username, roles, jurisdiction, exp };
    } catch {
      return undefined;
    }
  }
}
