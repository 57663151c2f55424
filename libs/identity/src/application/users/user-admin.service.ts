import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { CLOCK, DomainError, JURISDICTIONS, NotFoundError, OutsideJurisdictionError, type Actor, type Clock, type JurisdictionRegistry, type Role } from '@app/shared';
import { PasswordHasher } from '../../auth/password-hasher';
import { assertPasswordAcceptable } from '../../auth/password-policy';
import { Sessions } from '../../auth/sessions';
import { accountBucket, LoginThrottle } from '../../auth/login-throttle';
import { SecurityEvents, type SecurityEventKind } from '../../audit/security-events';
import { UserRow } from '../../persistence/user.entity';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  jurisdiction: string;
  disabled: boolean;
  createdAt: string;
}

export interface AuditedActor {
  actorId: string;
  actorName: string;
  actorRoles: readonly string[];
  correlationId: string;
}

/**
 * Users are managed state (a table), but every change an administrator makes is also an event on `user-<id>`,
 * appended in the same database transaction's lifetime, so the audit trail shows who created or disabled whom.
 */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
    private readonly sessions: Sessions,
    private readonly throttle: LoginThrottle,
    private readonly events: SecurityEvents,
  ) {}

  /** An unknown code is a 400; a known one outside the administrator's own tree a 403. */
  async create(
    input: { username: string; password: string; displayName: string; roles: Role[]; jurisdiction: string },
    by: AuditedActor,
    scope: readonly string[],
  ): Promise<UserView> {
    if (!this.jurisdictions.has(input.jurisdiction)) {
      throw new DomainError('UNKNOWN_JURISDICTION', 'invalid', 'jurisdiction 不是已知的辖区代码', { jurisdiction: input.jurisdiction });
    }
    if (!scope.includes(input.jurisdiction)) throw new OutsideJurisdictionError(input.jurisdiction);
    const passwordHash = await this.hasher.hash(input.password);
    const id = randomUUID();
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const taken: unknown[] = await manager.query(`select 1 from users where username = $1 for update`, [input.username]);
      if (taken.length > 0) throw new DomainError('USERNAME_TAKEN', 'conflict', `用户名 ${input.username} 已存在`);
      await manager.insert(UserRow, { id, username: input.username, displayName: input.displayName, passwordHash, roles: input.roles, jurisdiction: input.jurisdiction, disabledAt: null, createdAt: now, createdBy: by.actorName });
      // No password material in the event: events are kept forever.
      await this.audit(id, 'UserCreated', { userId: id, username: input.username, displayName: input.displayName, roles: input.roles, jurisdiction: input.jurisdiction }, 'no_stream', by, input.jurisdiction);
      return { id, username: input.username, displayName: input.displayName, roles: input.roles, jurisdiction: input.jurisdiction, disabled: false, createdAt: now.toISOString() };
    }).then(async (view) => {
      await this.events.record({ kind: 'user_created', userId: id, username: input.username, jurisdiction: input.jurisdiction, details: { by: by.actorId, byName: by.actorName, roles: input.roles, correlationId: by.correlationId } });
      return view;
    });
  }

  async disable(userId: string, by: AuditedActor, scope: readonly string[]): Promise<UserView> {
    return this.change(userId, by, scope, 'user_disabled', async (manager, user) => {
      if (userId === by.actorId) throw new DomainError('CANNOT_DISABLE_SELF', 'rule', '不能停用自己的账号');
      if (user.disabledAt) return false;
      user.disabledAt = this.clock.now();
      await manager.update(UserRow, { id: userId }, { disabledAt: user.disabledAt });
      await this.audit(userId, 'UserDisabled', { userId, username: user.username }, 'any', by, user.jurisdiction);
      return true;
    });
  }

  async enable(userId: string, by: AuditedActor, scope: readonly string[]): Promise<UserView> {
    return this.change(userId, by, scope, 'user_enabled', async (manager, user) => {
      if (!user.disabledAt) return false;
      user.disabledAt = null;
      await manager.update(UserRow, { id: userId }, { disabledAt: null });
      await this.audit(userId, 'UserEnabled', { userId, username: user.username }, 'any', by, user.jurisdiction);
      return true;
    });
  }

  /** Roles, jurisdiction or display name. A change of roles or jurisdiction ends the user's sessions. */
  async update(userId: string, input: { roles?: Role[]; jurisdiction?: string; displayName?: string }, by: AuditedActor, scope: readonly string[]): Promise<UserView> {
    if (input.jurisdiction !== undefined) {
      if (!this.jurisdictions.has(input.jurisdiction)) {
        throw new DomainError('UNKNOWN_JURISDICTION', 'invalid', 'jurisdiction 不是已知的辖区代码', { jurisdiction: input.jurisdiction });
      }
      if (!scope.includes(input.jurisdiction)) throw new OutsideJurisdictionError(input.jurisdiction);
    }
    if (input.roles === undefined && input.jurisdiction === undefined && input.displayName === undefined) {
      throw new DomainError('NOTHING_TO_CHANGE', 'invalid', '请至少提供 roles、jurisdiction 或 displayName 之一');
    }
    return this.change(userId, by, scope, 'user_updated', async (manager, user) => {
      // An administrator cannot widen or narrow its own access: another administrator must do it.
      if (userId === by.actorId && (input.roles !== undefined || input.jurisdiction !== undefined)) {
        throw new DomainError('CANNOT_CHANGE_OWN_ACCESS', 'rule', '不能修改自己的角色或辖区');
      }
      const roles = input.roles ?? user.roles;
      const jurisdiction = input.jurisdiction ?? user.jurisdiction;
      const displayName = input.displayName ?? user.displayName;
      const accessChanged = [...roles].sort().join() !== [...user.roles].sort().join() || jurisdiction !== user.jurisdiction;
      if (!accessChanged && displayName === user.displayName) return false;
      await manager.update(UserRow, { id: userId }, { roles, jurisdiction, displayName });
      await this.audit(userId, 'UserUpdated', { userId, username: user.username, roles, jurisdiction, displayName, previous: { roles: user.roles, jurisdiction: user.jurisdiction, displayName: user.displayName } }, 'any', by, jurisdiction);
      Object.assign(user, { roles, jurisdiction, displayName });
      return accessChanged ? true : 'keep_sessions';
    });
  }

  /** An administrator sets a new password: the user's sessions end, and its sign-in delay is lifted. */
  async resetPassword(userId: string, newPassword: string, by: AuditedActor, scope: readonly string[]): Promise<void> {
    const passwordHash = await this.hasher.hash(newPassword);
    await this.change(userId, by, scope, 'password_reset', async (manager, user) => {
      // One's own password is changed with the current one (POST /auth/password), so a stolen session cannot take
      // over an administrator's account.
      if (userId === by.actorId) throw new DomainError('CANNOT_RESET_OWN_PASSWORD', 'rule', '不能重置自己的密码，请使用修改密码');
      // The request check cannot know whose password this is; the row locked here does.
      assertPasswordAcceptable(newPassword, user.username);
      await manager.update(UserRow, { id: userId }, { passwordHash });
      await this.audit(userId, 'UserPasswordReset', { userId, username: user.username }, 'any', by, user.jurisdiction);
      return true;
    }).then(async (view) => this.throttle.clear(accountBucket(view.username)));
  }

  /** The signed-in user's own password; false when the current one is wrong. Other sessions end, this one stays. */
  async changeOwnPassword(actor: Actor, currentPassword: string, newPassword: string, correlationId: string): Promise<boolean> {
    const row = await this.dataSource.getRepository(UserRow).createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id: actor.userId }).getOne();
    if (!row || !(await this.hasher.verify(row.passwordHash, currentPassword))) return false;
    const passwordHash = await this.hasher.hash(newPassword);
    const by: AuditedActor = { actorId: actor.userId, actorName: actor.username, actorRoles: actor.roles, correlationId };
    const ended = await this.dataSource.transaction(async (manager) => {
      await manager.update(UserRow, { id: actor.userId }, { passwordHash });
      await this.audit(actor.userId, 'UserPasswordChanged', { userId: actor.userId, username: actor.username }, 'any', by, row.jurisdiction);
      return this.sessions.endAllOf(actor.userId, 'password_changed', manager, actor.sessionId);
    });
    this.sessions.announce(ended, 'password_changed');
    return true;
  }

  /**
   * One administrative change of a user, in one transaction with the user row locked: the change itself (true when
   * it changed something that must end the user's sessions), the audit event, the sessions ended; the consoles of
   * those sessions are told once it committed, and the security event log gets a row.
   */
  private async change(
    userId: string,
    by: AuditedActor,
    scope: readonly string[],
    kind: SecurityEventKind,
    apply: (manager: EntityManager, user: UserRow) => Promise<boolean | 'keep_sessions'>,
  ): Promise<UserView> {
    const { user, ended, changed } = await this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(UserRow).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user || !scope.includes(user.jurisdiction)) throw new NotFoundError('USER', '用户', userId);
      const outcome = await apply(manager, user);
      const ended = outcome === true ? await this.sessions.endAllOf(userId, kind, manager) : [];
      return { user, ended, changed: outcome !== false };
    });
    this.sessions.announce(ended, kind);
    if (changed) {
      await this.events.record({ kind, userId, username: user.username, jurisdiction: user.jurisdiction, details: { by: by.actorId, byName: by.actorName, correlationId: by.correlationId, sessionsEnded: ended.length } });
    }
    return toUserView(user);
  }

  async list(scope: readonly string[]): Promise<UserView[]> {
    const rows = await this.dataSource.getRepository(UserRow).find({ order: { username: 'ASC' } });
    return rows.filter((r) => scope.includes(r.jurisdiction)).map(toUserView);
  }

  private async audit(userId: string, type: string, data: unknown, expected: 'no_stream' | 'any', by: AuditedActor, jurisdiction: string): Promise<void> {
    await this.store.append(`user-${userId}`, [{
      id: randomUUID(),
      type,
      data,
      metadata: { correlationId: by.correlationId, causationId: by.correlationId, actorId: by.actorId, actorName: by.actorName, actorRoles: [...by.actorRoles], jurisdiction, occurredAt: this.clock.now().toISOString(), schemaVersion: 1 },
    }], expected);
  }
}

export function toUserView(row: UserRow): UserView {
  return { id: row.id, username: row.username, displayName: row.displayName, roles: row.roles, jurisdiction: row.jurisdiction, disabled: row.disabledAt !== null, createdAt: row.createdAt.toISOString() };
}
