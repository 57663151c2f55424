import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UserRow } from './user.entity';

/** Reads of the users table for sign-in, password checks and the administrators' list. */
@Injectable()
export class UserAccounts {
  constructor(private readonly dataSource: DataSource) {}

  /** With its password hash (left out of every other read). */
  byUsernameWithPassword(username: string): Promise<UserRow | null> {
    return this.withPassword().where('u.username = :username', { username }).getOne();
  }

  byIdWithPassword(id: string): Promise<UserRow | null> {
    return this.withPassword().where('u.id = :id', { id }).getOne();
  }

  /** The accounts in the given jurisdictions, by name. */
  async inScope(scope: readonly string[]): Promise<UserRow[]> {
    const rows = await this.dataSource.getRepository(UserRow).find({ order: { username: 'ASC' } });
    return rows.filter((r) => scope.includes(r.jurisdiction));
  }

  private withPassword() {
    return this.dataSource.getRepository(UserRow).createQueryBuilder('u').addSelect('u.passwordHash');
  }
}
