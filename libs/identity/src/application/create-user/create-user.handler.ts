import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CLOCK, JURISDICTIONS, OutsideJurisdictionError, type Clock, type JurisdictionRegistry } from '@app/shared';
import { PasswordHasher } from '../../auth/password-hasher';
import { SecurityEvents } from '../../audit/security-events';
import { UserRow } from '../../persistence/user.entity';
import { UserAccountChange, type AuditedActor, type UserView } from '../user-account-change';
import { assertKnownJurisdiction } from '../user-fields';
import { UsernameTakenError } from '../../domain/user-account/user-account.errors';
import type { CreateUserRequest } from './create-user.request';

/** 新建用户: an unknown jurisdiction is a 400; a known one outside the administrator's own tree a 403. */
@Injectable()
export class CreateUserHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly change: UserAccountChange,
    private readonly events: SecurityEvents,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(JURISDICTIONS) private readonly jurisdictions: JurisdictionRegistry,
  ) {}

  async handle(input: CreateUserRequest, by: AuditedActor, scope: readonly string[]): Promise<UserView> {
    assertKnownJurisdiction(this.jurisdictions, input.jurisdiction);
    if (!scope.includes(input.jurisdiction)) throw new OutsideJurisdictionError(input.jurisdiction);
    const passwordHash = await this.hasher.hash(input.password);
    const id = randomUUID();
    const now = this.clock.now();
    const { username, displayName, roles, jurisdiction } = input;
    const view = await this.dataSource.transaction(async (manager) => {
      const taken: unknown[] = await manager.query(`select 1 from users where username = $1 for update`, [username]);
      if (taken.length > 0) throw new UsernameTakenError(username);
      await manager.insert(UserRow, {
        id,
        username,
        displayName,
        passwordHash,
        roles,
        jurisdiction,
        disabledAt: null,
        createdAt: now,
        createdBy: by.actorName,
      });
      await this.change.record(
        { type: 'CreateUser', userId: id, username, displayName, roles, jurisdiction },
        by,
        jurisdiction,
      );
      return { id, username, displayName, roles, jurisdiction, disabled: false, createdAt: now.toISOString() };
    });
    await this.events.record({
      kind: 'user_created',
      userId: id,
      username,
      jurisdiction,
      details: { by: by.actorId, byName: by.actorName, roles, correlationId: by.correlationId },
    });
    return view;
  }
}
