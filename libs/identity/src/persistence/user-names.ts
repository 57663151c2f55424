import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { UserRow } from './user.entity';

/**
 * A query port for other contexts that record who did something in people's words: the display name of a user (the
 * sign-in name when the account has none, or is gone).
 */
@Injectable()
export class UserNames {
  constructor(private readonly dataSource: DataSource) {}

  async displayNameOf(userId: string, fallback: string): Promise<string> {
    const row = await this.dataSource
      .getRepository(UserRow)
      .findOne({ where: { id: userId }, select: { id: true, displayName: true } });
    return row?.displayName || fallback;
  }

  /**
   * Display names by sign-in name, for records that kept only the sign-in name of who acted (a report passed up);
   * names no account holds (a removed user, "事故单位") are left out of the answer.
   */
  async byUsername(usernames: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const names = [...new Set(usernames)];
    if (names.length === 0) return new Map();
    const rows = await this.dataSource
      .getRepository(UserRow)
      .find({ where: { username: In(names) }, select: { id: true, username: true, displayName: true } });
    return new Map(rows.filter((r) => r.displayName).map((r) => [r.username, r.displayName]));
  }
}
