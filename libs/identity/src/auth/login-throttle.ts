import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Failures a bucket may have before each further attempt must wait. */
export const FREE_FAILURES = 5;
/** The wait after the fifth failure; it doubles with each further one … */
export const FIRST_DELAY_MS = 30_000;
/** … up to this. */
export const MAX_DELAY_MS = 15 * 60 * 1000;
/** Failures older than this are forgotten. */
export const FAILURE_MEMORY_MS = 24 * 60 * 60 * 1000;

/** How long a bucket with this many recent failures must wait after its latest one. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (failures - FREE_FAILURES));
}

/** Failures of sign-ins for a name from anywhere but a browser that signed in as it before. */
export const accountBucket = (username: string): string => `user:${username.toLowerCase()}`;
/** Failures from a remembered browser (auth_devices), counted apart so others' failures cannot lock it out. */
export const deviceBucket = (deviceId: string): string => `device:${deviceId}`;

export type Reservation = { kind: 'go' } | { kind: 'wait'; waitMs: number; failures: number };

/**
 * Progressive delay per bucket instead of a blunt lock. An attempt is recorded as a failure *before* its password is
 * verified, under a transaction-scoped advisory lock on the bucket, so parallel attempts cannot all pass the check
 * and then all be counted: of thirty parallel wrong passwords, exactly five are verified. A success clears its bucket.
 * Rows live in PostgreSQL, so a restart or a second API process does not reset a count.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly dataSource: DataSource) {}

  async reserve(bucket: string, now: Date): Promise<Reservation> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`select pg_advisory_xact_lock(hashtext('login:' || $1))`, [bucket]);
      await manager.query(`delete from auth_login_attempts where bucket = $1 and failed_at <= $2`, [
        bucket,
        new Date(now.getTime() - FAILURE_MEMORY_MS),
      ]);
      const [row]: { failures: number; latest: Date | null }[] = await manager.query(
        `select count(*)::int as failures, max(failed_at) as latest from auth_login_attempts where bucket = $1`,
        [bucket],
      );
      const failures = row?.failures ?? 0;
      const waitMs = row?.latest ? row.latest.getTime() + delayAfter(failures) - now.getTime() : 0;
      if (waitMs > 0) return { kind: 'wait', waitMs, failures } as const;
      await manager.query(`insert into auth_login_attempts (bucket, failed_at) values ($1, $2)`, [bucket, now]);
      return { kind: 'go' } as const;
    });
  }

  async clear(bucket: string): Promise<void> {
    await this.dataSource.query(`delete from auth_login_attempts where bucket = $1`, [bucket]);
  }
}
