import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK, JURISDICTIONS, type Actor, type Clock, type JurisdictionRegistry, type Role } from '@app/shared';
import { Sessions, type SessionsEnded } from './sessions';
import { TokenService } from './token.service';
import type { Observable } from 'rxjs';

export interface Authenticated {
  actor: Actor & { sessionId: string };
  /** When the token stops being valid, or its session ends, whichever is first (a socket is closed then). */
  expiresAt: Date;
  /** Whether `expiresAt` is the session's absolute end rather than the token's expiry. */
  sessionEndsFirst: boolean;
}

/**
 * Token → actor, for HTTP and Socket.IO alike. One query per call reads the user together with the token's session:
 * a disabled user, a changed role, an ended or expired session take effect at once rather than when the token
 * expires.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: Sessions,
    private readonly dataSource: DataSource,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async authenticate(token: string): Promise<Authenticated | undefined> {
    const claims = await this.tokens.verify(token);
    if (!claims) return undefined;
    const rows: Array<{ id: string; username: string; roles: Role[]; jurisdiction: string; session_expires_at: Date }> =
      await this.dataSource.query(
        `select u.id, u.username, u.roles, u.jurisdiction, s.expires_at as session_expires_at
         from auth_sessions s join users u on u.id = s.user_id
        where s.id = $1 and s.user_id = $2 and s.ended_at is null and s.expires_at > $3 and u.disabled_at is null`,
        [claims.sid, claims.sub, this.clock.now()],
      );
    const user = rows[0];
    if (!user) return undefined;
    return {
      actor: {
        userId: user.id,
        username: user.username,
        roles: user.roles,
        jurisdiction: user.jurisdiction,
        scope: this.jurisdictions.descendants(user.jurisdiction),
        sessionId: claims.sid,
      },
      expiresAt: new Date(Math.min(claims.exp * 1000, user.session_expires_at.getTime())),
      sessionEndsFirst: user.session_expires_at.getTime() <= claims.exp * 1000,
    };
  }

  /**
   * Of these sessions, the ones no longer good, each with the reason its consoles are told: `session_expired` when
   * the session reached its absolute end (AUTH_SESSION_HOURS: the operator signs in again for the next shift),
   * `access_changed` when it was ended, its user disabled, or given other roles or another jurisdiction than the
   * socket was opened with. Long-lived sockets ask this periodically, so a change made by another API process reaches
   * them even without a message between the processes.
   */
  async revoked(actors: readonly Actor[]): Promise<Map<string, 'session_expired' | 'access_changed'>> {
    const withSession = actors.filter((a): a is Actor & { sessionId: string } => typeof a.sessionId === 'string');
    if (withSession.length === 0) return new Map();
    const rows: Array<{ sid: string; roles: Role[]; jurisdiction: string; live: boolean; expired: boolean }> =
      await this.dataSource.query(
        `select s.id as sid, u.roles, u.jurisdiction, (s.ended_at is null and u.disabled_at is null) as live, s.expires_at <= $2 as expired
         from auth_sessions s join users u on u.id = s.user_id
        where s.id = any($1::uuid[])`,
        [withSession.map((a) => a.sessionId), this.clock.now()],
      );
    const found = new Map(rows.map((r) => [r.sid, r]));
    const revoked = new Map<string, 'session_expired' | 'access_changed'>();
    for (const actor of withSession) {
      const row = found.get(actor.sessionId);
      const unchanged =
        row !== undefined &&
        row.live &&
        row.jurisdiction === actor.jurisdiction &&
        [...row.roles].sort().join() === [...actor.roles].sort().join();
      if (!unchanged) revoked.set(actor.sessionId, 'access_changed');
      else if (row.expired) revoked.set(actor.sessionId, 'session_expired');
    }
    return revoked;
  }

  /** Sessions ended in this process (logout, password, role change, disabling, refresh reuse), told at once. */
  get endedSessions(): Observable<SessionsEnded> {
    return this.sessions.ended;
  }
}
