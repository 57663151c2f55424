import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { CLOCK, type Actor, type Clock } from '@app/shared';
import { accountBucket, LoginThrottle } from '../../auth/login-throttle';
import { PasswordHasher } from '../../auth/password-hasher';
import { assertPasswordAcceptable } from '../../auth/password-policy';
import { Sessions } from '../../auth/sessions';
import { SecurityEvents } from '../../audit/security-events';
import { UserAccounts } from '../../persistence/user-accounts';
import { UserRow } from '../../persistence/user.entity';
import { CurrentPasswordWrongError, PasswordUnchangedError } from '../../domain/user-account/user-account.errors';
import { LoginLockedException } from '../login/login-locked.exception';
import { UserAccountChange, auditedActor } from '../user-account-change';
import type { ChangePasswordRequest } from './change-password.request';

/** 修改本人密码: other sessions end, this one stays. */
@Injectable()
export class ChangePasswordHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: UserAccounts,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessions: Sessions,
    private readonly events: SecurityEvents,
    private readonly change: UserAccountChange,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(body: ChangePasswordRequest, actor: Actor, request: FastifyRequest): Promise<void> {
    if (body.currentPassword === body.newPassword) throw new PasswordUnchangedError();
    // The request check does not know the account; checked before the guess budget is touched, as a request error.
    assertPasswordAcceptable(body.newPassword, actor.username);
    // Guessing the current password with a stolen token is throttled like sign-in guessing, in the account's bucket.
    const bucket = accountBucket(actor.username);
    const reservation = await this.throttle.reserve(bucket, this.clock.now());
    if (reservation.kind === 'wait') {
      await this.events.record(
        {
          kind: 'sign_in_delayed',
          userId: actor.userId,
          username: actor.username,
          jurisdiction: actor.jurisdiction,
          details: {
            bucket: 'account',
            failures: reservation.failures,
            waitMs: reservation.waitMs,
            via: 'password_change',
          },
        },
        request,
      );
      throw new LoginLockedException(reservation.waitMs);
    }
    const ok = await this.changeOwnPassword(actor, body.currentPassword, body.newPassword, request);
    if (!ok) {
      await this.events.record(
        {
          kind: 'password_change_failed',
          userId: actor.userId,
          username: actor.username,
          sessionId: actor.sessionId ?? null,
          jurisdiction: actor.jurisdiction,
        },
        request,
      );
      throw new CurrentPasswordWrongError();
    }
    await this.throttle.clear(bucket);
    await this.events.record(
      {
        kind: 'password_changed',
        userId: actor.userId,
        username: actor.username,
        sessionId: actor.sessionId ?? null,
        jurisdiction: actor.jurisdiction,
      },
      request,
    );
  }

  /** False when the current password is wrong. */
  private async changeOwnPassword(
    actor: Actor,
    currentPassword: string,
    newPassword: string,
    request: FastifyRequest,
  ): Promise<boolean> {
    const row = await this.accounts.byIdWithPassword(actor.userId);
    if (!row || !(await this.hasher.verify(row.passwordHash, currentPassword))) return false;
    const passwordHash = await this.hasher.hash(newPassword);
    const ended = await this.dataSource.transaction(async (manager) => {
      await manager.update(UserRow, { id: actor.userId }, { passwordHash });
      await this.change.record(
        { type: 'ChangeOwnPassword', userId: actor.userId, username: actor.username },
        auditedActor(actor, request),
        row.jurisdiction,
      );
      return this.sessions.endAllOf(actor.userId, 'password_changed', manager, actor.sessionId);
    });
    this.sessions.announce(ended, 'password_changed');
    return true;
  }
}
