import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
}
