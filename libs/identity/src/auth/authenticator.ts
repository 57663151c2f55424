import { Inject, Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
import { DataSource, In, IsNull } from 'typeorm';
import { JURISDICTIONS, type Actor, type JurisdictionRegistry } from '@app/shared';
import { UserRow } from '../persistence/user.entity';
import { TokenService } from './token.service';

export interface Authenticated {
  actor: Actor;
  /** When the token stops being valid (a socket is closed then). */
  expiresAt: Date;
}

/**
 * Token → actor, for HTTP and Socket.IO alike. The user row is read on every call, so disabling a user or changing
 * its roles takes effect at once rather than when its token expires.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async authenticate(token: string): Promise<Authenticated | undefined> {
    const claims = await this.tokens.verify(token);
    if (!claims) return undefined;
    const user = await this.dataSource.getRepository(UserRow).findOneBy({ id: claims.sub, disabledAt: IsNull() });
    if (!user) return undefined;
    return {
      actor: {
        userId: user.id,
        username: user.username,
        roles: user.roles,
        jurisdiction: user.jurisdiction,
        scope: this.jurisdictions.descendants(user.jurisdiction),
      },
      expiresAt: new Date(claims.exp * 1000),
    };
  }

  /**
   * Of these actors, the ones whose access has changed since they signed in: disabled, or given other roles or
   * another jurisdiction. Long-lived sockets ask this periodically, so a change reaches them without waiting for
   * the token to expire (and across API processes).
   */
  async revoked(actors: readonly Actor[]): Promise<Set<string>> {
    if (actors.length === 0) return new Set();
    const rows = await this.dataSource.getRepository(UserRow).findBy({ id: In(actors.map((a) => a.userId)), disabledAt: IsNull() });
    const current = new Map(rows.map((r) => [r.id, r]));
    return new Set(
      actors
        .filter((a) => {
          const row = current.get(a.userId);
          return !row || row.jurisdiction !== a.jurisdiction || [...row.roles].sort().join() !== [...a.roles].sort().join();
        })
        .map((a) => a.userId),
    );
  }

  /** Told at once when a user is disabled in this process; other processes learn it from `revoked`. */
  readonly disabledUsers = new Subject<string>();
}
