import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
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
}
