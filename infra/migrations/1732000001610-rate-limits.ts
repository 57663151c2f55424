import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Request counts per key (a user, or a client address) in a window that starts with the key's first request, shared by every API process so that the limit is
 * one limit however many processes serve. Unlogged: counters need no crash safety or replication, and every request
 * writes here, so skipping the WAL keeps the cost of a request down.
 */
export class RateLimits1732000001610 implements MigrationInterface {
  name = 'RateLimits1732000001610';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create unlogged table rate_limit_hits (
        key text primary key,
        window_start timestamptz not null,
        hits integer not null
      )`);
    await q.query(`create index rate_limit_hits_window on rate_limit_hits (window_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table rate_limit_hits`);
  }
}
