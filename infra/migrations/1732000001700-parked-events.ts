import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events a projection or process manager could not apply after its bounded retries. The checkpoint moves past them so
 * the read model goes on; a row stays here (resolved_at set once a retry applied it) as the record of what happened.
 */
export class ParkedEvents1732000001700 implements MigrationInterface {
  name = 'ParkedEvents1732000001700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table parked_events (
        projection text not null,
        event_id uuid not null,
        event_type text not null,
        stream_name text not null,
        stream_revision bigint not null,
        position_commit numeric(20, 0) not null,
        position_prepare numeric(20, 0) not null,
        error text not null,
        attempts integer not null,
        parked_at timestamptz not null,
        retried_at timestamptz,
        resolved_at timestamptz,
        primary key (projection, event_id)
      )`);
    await q.query(`create index parked_events_unresolved on parked_events (projection) where resolved_at is null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table parked_events`);
  }
}
