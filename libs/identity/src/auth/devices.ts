import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '@app/shared';
import { hashToken } from './sessions';

/** A browser is remembered this long after its last sign-in. */
export const DEVICE_MEMORY_DAYS = 180;
/** At most this many remembered browsers per user; the least recently used are forgotten. */
const DEVICES_PER_USER = 20;

/**
 * Browsers a user signed in from successfully (an HttpOnly cookie whose SHA-256 is kept per user). Failed sign-ins
 * from a remembered browser count in that browser's own bucket, so strangers guessing a commander's password from
 * elsewhere cannot keep the commander out.
 */
@Injectable()
export class Devices {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The device id when this cookie belongs to a browser that signed in as this user before. */
  async recognise(cookie: string | undefined, username: string): Promise<string | undefined> {
    if (!cookie || !/^[\w-]{20,100}$/.test(cookie)) return undefined;
    const since = new Date(this.clock.now().getTime() - DEVICE_MEMORY_DAYS * 86_400_000);
    const rows: { id: string }[] = await this.dataSource.query(
      `select d.id from auth_devices d join users u on u.id = d.user_id where d.token_hash = $1 and u.username = $2 and d.last_used_at > $3`,
      [hashToken(cookie), username.toLowerCase(), since],
    );
    return rows[0]?.id;
  }

  /** After a successful sign-in: the known device is touched, or a new one made. Returns its id and cookie value. */
  async remember(
    userId: string,
    known: string | undefined,
    cookie: string | undefined,
  ): Promise<{ id: string; cookie: string }> {
    const now = this.clock.now();
    if (known && cookie) {
      await this.dataSource.query(`update auth_devices set last_used_at = $2 where id = $1`, [known, now]);
      return { id: known, cookie };
    }
    const id = randomUUID();
    const value = randomBytes(32).toString('base64url');
    await this.dataSource.query(
      `insert into auth_devices (id, user_id, token_hash, created_at, last_used_at) values ($1, $2, $3, $4, $4)`,
      [id, userId, hashToken(value), now],
    );
    await this.dataSource.query(
      `delete from auth_devices where user_id = $1 and id not in (select id from auth_devices where user_id = $1 order by last_used_at desc limit $2)`,
      [userId, DEVICES_PER_USER],
    );
    return { id, cookie: value };
  }
}
