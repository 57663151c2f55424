import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** 5 failed sign-ins for one name within 15 minutes lock that name (a 6th attempt answers 429) until the window passes. */
export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

/**
 * Failures are rows in PostgreSQL, not process memory, so a restart or a second API process does not reset the
 * count. Counted per username (lower-cased), whether or not the user exists, so the lock reveals nothing.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly dataSource: DataSource) {}

  /** Milliseconds until the name may try again, or 0 when it may try now. */
  async lockedForMs(username: string, now: Date): Promise<number> {
    const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
    const rows: { failed_at: Date }[] = await this.dataSource.query(
      `select failed_at from auth_login_failures where username = $1 and failed_at > $2 order by failed_at desc limit $3`,
      [username.toLowerCase(), since, MAX_FAILURES],
    );
    if (rows.length < MAX_FAILURES) return 0;
    // The oldest of the last five leaves the window first; then a sixth attempt is allowed.
    return Math.max(1, rows[rows.length - 1]!.failed_at.getTime() + FAILURE_WINDOW_MS - now.getTime());
  }

  async recordFailure(username: string, at: Date): Promise<void> {
    await this.dataSource.query(`insert into auth_login_failures (username, failed_at) values ($1, $2)`, [username.toLowerCase(), at]);
    await this.dataSource.query(`delete from auth_login_failures where failed_at < $1`, [new Date(at.getTime() - 2 * FAILURE_WINDOW_MS)]);
  }

  async clear(username: string): Promise<void> {
    await this.dataSource.query(`delete from auth_login_failures where username = $1`, [username.toLowerCase()]);
  }
}
