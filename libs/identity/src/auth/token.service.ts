import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
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
  constructor(
    private readonly jwt: JwtService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async issue(user: { id: string; username: string; roles: Role[]; jurisdiction: string }): Promise<IssuedToken> {
    const accessToken = await this.jwt.signAsync(
      { username: user.username, roles: user.roles, jurisdiction: user.jurisdiction },
      { subject: user.id, expiresIn: this.options.ttlSeconds, secret: this.options.secret, algorithm: 'HS256' },
    );
    const { exp } = this.jwt.decode<{ exp: number }>(accessToken);
    return { accessToken, expiresAt: new Date(exp * 1000).toISOString() };
  }

  /** The claims of a valid, unexpired token; undefined for anything else. */
  async verify(token: string): Promise<TokenClaims | undefined> {
    try {
      const claims = await this.jwt.verifyAsync<Record<string, unknown>>(token, { secret: this.options.secret, algorithms: ['HS256'] });
      const { sub, username, roles, jurisdiction, exp } = claims;
      if (typeof sub !== 'string' || typeof username !== 'string' || typeof jurisdiction !== 'string' || typeof exp !== 'number') return undefined;
      if (!Array.isArray(roles) || !roles.every(isRole)) return undefined;
      return { sub, username, roles, jurisdiction, exp };
    } catch {
      return undefined;
    }
  }
}
