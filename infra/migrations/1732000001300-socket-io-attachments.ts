import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Several API processes share live deltas through PostgreSQL (@socket.io/postgres-adapter, CLUSTER=true). A message
 * over NOTIFY's 8,000-byte limit (a large incident view) travels as a row of this table, which the adapter itself
 * prunes after 30 s.
 */
export class SocketIoAttachments1732000001300 implements MigrationInterface {
  name = 'SocketIoAttachments1732000001300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table socket_io_attachments (
        id bigserial unique,
        created_at timestamptz default now(),
        payload bytea
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`drop table socket_io_attachments`);
  }
}
