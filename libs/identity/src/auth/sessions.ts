import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Subject } from 'rxjs';
import { DataSource, type EntityManager } from 'typeorm';
import { CLOCK, type Clock, type Role } from '@app/shared';
import { AUTH_OPTIONS, type AuthOptions } from './token.service';

/** What ends sessions, told to every console gateway (and, through it, to the other API processes). */
export interface SessionsEnded {
  sessionIds: string[];
  reason: string;
}

export interface StartedSession {
  sessionId: string;
  refreshToken: string;
  expiresAt: Date;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  jurisdiction: string;
}

export type Rotation =
  | { kind: 'rotated'; sessionId: string; refreshToken: string; expiresAt: Date; user: SessionUser }
  | { kind: 'reused'; sessionId: string; user: SessionUser }
  | { kind: 'raced'; sessionId: string; user: SessionUser }
  | { kind: 'invalid' };

/**
 * Two consoles of one browser may renew at the same instant with the same cookie; the loser gets a 401 rather than
 * ending the session, if the winner renewed this recently. Later, a superseded token is a stolen copy.
 */
export const REFRESH_RACE_MS = 10_000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
/** 256 random bits: guessing is hopeless, so a fast hash is enough to keep the stored value useless to a reader. */
const newOpaqueToken = (): string => randomBytes(32).toString('base64url');

/**
 * Sign-in sessions as rows: each has an absolute end (AUTH_SESSION_HOURS), a chain of refresh tokens of which only
 * the newest is good, and ends on logout, on a password change or reset, on a change of roles or jurisdiction, on
 * disabling, or when a superseded refresh token comes back.
 */
@Injectable()
export class Sessions {
  readonly ended = new Subject<SessionsEnded>();

  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AUTH_OPTIONS) private readonly options: AuthOptions,
  ) {}

  async start(userId: string, deviceId: string | null, address: string | null): Promise<StartedSession> {
    const now = this.clock.now();
    const sessionId = randomUUID();
    const refreshToken = newOpaqueToken();
    const expiresAt = new Date(now.getTime() + this.options.sessionHours * 3600_000);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `insert into auth_sessions (id, user_id, created_at, expires_at, device_id, address) values ($1, $2, $3, $4, $5, $6)`,
        [sessionId, userId, now, expiresAt, deviceId, address],
      );
      await manager.query(`insert into auth_refresh_tokens (token_hash, session_id, issued_at) values ($1, $2, $3)`, [
        hashToken(refreshToken),
        sessionId,
        now,
      ]);
    });
    return { sessionId, refreshToken, expiresAt };
  }

  /**
   * Exchanges a refresh token for the next one. The token row and its session are locked, so of two requests with
   * one token exactly one gets the successor.
   */
  async rotate(refreshToken: string): Promise<Rotation> {
    const now = this.clock.now();
    const outcome = await this.dataSource.transaction(async (manager): Promise<Rotation> => {
      const rows: Array<
        {
          session_id: string;
          superseded_at: Date | null;
          ended_at: Date | null;
          expires_at: Date;
          disabled_at: Date | null;
        } & Record<string, unknown>
      > = await manager.query(
        `select t.session_id, t.superseded_at, s.ended_at, s.expires_at, u.disabled_at,
                u.id, u.username, u.display_name, u.roles, u.jurisdiction
           from auth_refresh_tokens t join auth_sessions s on s.id = t.session_id join users u on u.id = s.user_id
          where t.token_hash = $1
          for update of t, s`,
        [hashToken(refreshToken)],
      );
      const row = rows[0];
      if (!row || row.ended_at || row.expires_at.getTime() <= now.getTime() || row.disabled_at)
        return { kind: 'invalid' };
      const user: SessionUser = {
        id: String(row.id),
        username: String(row.username),
        displayName: String(row.display_name),
        roles: row.roles as Role[],
        jurisdiction: String(row.jurisdiction),
      };
      if (row.superseded_at) {
        if (now.getTime() - row.superseded_at.getTime() < REFRESH_RACE_MS)
          return { kind: 'raced', sessionId: row.session_id, user };
        await this.endWith(manager, [row.session_id], 'refresh_reuse', now);
        return { kind: 'reused', sessionId: row.session_id, user };
      }
      const next = newOpaqueToken();
      await manager.query(`update auth_refresh_tokens set superseded_at = $2 where token_hash = $1`, [
        hashToken(refreshToken),
        now,
      ]);
      await manager.query(`insert into auth_refresh_tokens (token_hash, session_id, issued_at) values ($1, $2, $3)`, [
        hashToken(next),
        row.session_id,
        now,
      ]);
      return { kind: 'rotated', sessionId: row.session_id, refreshToken: next, expiresAt: row.expires_at, user };
    });
    if (outcome.kind === 'reused') this.ended.next({ sessionIds: [outcome.sessionId], reason: 'refresh_reuse' });
    return outcome;
  }

  /** Ends one session (logout). */
  async end(sessionId: string, reason: string): Promise<void> {
    const ended = await this.endWith(this.dataSource.manager, [sessionId], reason, this.clock.now());
    if (ended.length > 0) this.ended.next({ sessionIds: ended, reason });
  }

  /**
   * Ends every live session of a user but the one named (a password change keeps the session that made it). Runs in
   * the caller's transaction when given one; the gateways are told once it committed (`announce`).
   */
  async endAllOf(
    userId: string,
    reason: string,
    manager: EntityManager = this.dataSource.manager,
    except?: string,
  ): Promise<string[]> {
    const rows: unknown = await manager.query(
      `update auth_sessions set ended_at = $2, end_reason = $3 where user_id = $1 and ended_at is null and ($4::uuid is null or id <> $4::uuid) returning id`,
      [userId, this.clock.now(), reason, except ?? null],
    );
    return rowsOf(rows).map((r) => r.id);
  }

  announce(sessionIds: string[], reason: string): void {
    if (sessionIds.length > 0) this.ended.next({ sessionIds, reason });
  }

  private async endWith(manager: EntityManager, sessionIds: string[], reason: string, now: Date): Promise<string[]> {
    const rows: unknown = await manager.query(
      `update auth_sessions set ended_at = $2, end_reason = $3 where id = any($1::uuid[]) and ended_at is null returning id`,
      [sessionIds, now, reason],
    );
    return rowsOf(rows).map((r) => r.id);
  }
}

/** node-postgres answers an UPDATE … RETURNING through TypeORM's query runner as [rows, count]. */
function rowsOf(result: unknown): { id: string }[] {
  const list = result as unknown[];
  return (Array.isArray(list[0]) ? list[0] : list) as { id: string }[];
}
