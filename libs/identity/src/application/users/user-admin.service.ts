import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { CLOCK, DomainError, JURISDICTIONS, NotFoundError, OutsideJurisdictionError, type Clock, type JurisdictionRegistry, type Role } from '@app/shared';
import { Authenticator } from '../../auth/authenticator';
import { PasswordHasher } from '../../auth/password-hasher';
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
    private readonly authenticator: Authenticator,
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
      const taken = await manager.query(`select 1 from users where username = $1 for update`, [input.username]);
      if (taken.length > 0) throw new DomainError('USERNAME_TAKEN', 'conflict', `用户名 ${input.username} 已存在`);
      await manager.insert(UserRow, { id, username: input.username, displayName: input.displayName, passwordHash, roles: input.roles, jurisdiction: input.jurisdiction, disabledAt: null, createdAt: now, createdBy: by.actorName });
      // No password material in the event: events are kept forever.
      await this.audit(id, 'UserCreated', { userId: id, username: input.username, displayName: input.displayName, roles: input.roles, jurisdiction: input.jurisdiction }, 'no_stream', by, input.jurisdiction);
      return { id, username: input.username, displayName: input.displayName, roles: input.roles, jurisdiction: input.jurisdiction, disabled: false, createdAt: now.toISOString() };
    });
  }

  async disable(userId: string, by: AuditedActor, scope: readonly string[]): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.getRepository(UserRow).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user || !scope.includes(user.jurisdiction)) throw new NotFoundError('USER', userId);
      if (userId === by.actorId) throw new DomainError('CANNOT_DISABLE_SELF', 'rule', '不能停用自己的账号');
      if (!user.disabledAt) {
        user.disabledAt = this.clock.now();
        await manager.update(UserRow, { id: userId }, { disabledAt: user.disabledAt });
        await this.audit(userId, 'UserDisabled', { userId, username: user.username }, 'any', by, user.jurisdiction);
      }
      return toUserView(user);
    }).then((view) => {
      this.authenticator.disabledUsers.next(userId);
      return view;
    });
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
