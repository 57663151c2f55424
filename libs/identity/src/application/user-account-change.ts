import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DataSource, type EntityManager } from 'typeorm';
import { CommandExecutor } from '@app/event-sourcing';
import { NotFoundError, type Actor, type Role } from '@app/shared';
import type { UserAccountCommand } from '../domain/user-account/user-account.commands';
import { Sessions } from '../auth/sessions';
import { SecurityEvents, type SecurityEventKind } from '../audit/security-events';
import { UserRow } from '../persistence/user.entity';
import { userAccountAggregate } from './user-account.aggregate';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  jurisdiction: string;
  disabled: boolean;
  createdAt: string;
}

/** Who made a change, as the audit event's metadata records it. */
export interface AuditedActor {
  actorId: string;
  actorName: string;
  actorRoles: readonly string[];
  correlationId: string;
}

export function auditedActor(actor: Actor, request: FastifyRequest): AuditedActor {
  return {
    actorId: actor.userId,
    actorName: actor.username,
    actorRoles: actor.roles,
    correlationId: String(request.id),
  };
}

export function toUserView(row: UserRow): UserView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles,
    jurisdiction: row.jurisdiction,
    disabled: row.disabledAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Users are managed state (a table), but every change is also an event on `user-<id>`, appended through the one
 * write path while the change's transaction is open, so the audit trail shows who created or disabled whom.
 */
@Injectable()
export class UserAccountChange {
  constructor(
    private readonly dataSource: DataSource,
    private readonly executor: CommandExecutor,
    private readonly sessions: Sessions,
    private readonly events: SecurityEvents,
  ) {}

  /** The account's audit event for a change just written to the users table. */
  async record(command: UserAccountCommand, by: AuditedActor, jurisdiction: string): Promise<void> {
    const { correlationId, actorId, actorName, actorRoles } = by;
    await this.executor.execute(userAccountAggregate, command.userId, command, {
      correlationId,
      causationId: correlationId,
      actorId,
      actorName,
      actorRoles,
      jurisdiction,
    });
  }

  /**
   * One administrative change of a user, in one transaction with the user row locked: the change itself (true when
   * it changed something that must end the user's sessions), the audit event, the sessions ended; the consoles of
   * those sessions are told once it committed, and the security event log gets a row.
   */
  async apply(
    userId: string,
    by: AuditedActor,
    scope: readonly string[],
    kind: SecurityEventKind,
    change: (manager: EntityManager, user: UserRow) => Promise<boolean | 'keep_sessions'>,
  ): Promise<UserView> {
    const { user, ended, changed } = await this.dataSource.transaction(async (manager) => {
      const user = await manager
        .getRepository(UserRow)
        .findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user || !scope.includes(user.jurisdiction)) throw new NotFoundError('USER', '用户', userId);
      const outcome = await change(manager, user);
      const ended = outcome === true ? await this.sessions.endAllOf(userId, kind, manager) : [];
      return { user, ended, changed: outcome !== false };
    });
    this.sessions.announce(ended, kind);
    if (changed) {
      await this.events.record({
        kind,
        userId,
        username: user.username,
        jurisdiction: user.jurisdiction,
        details: { by: by.actorId, byName: by.actorName, correlationId: by.correlationId, sessionsEnded: ended.length },
      });
    }
    return toUserView(user);
  }
}
