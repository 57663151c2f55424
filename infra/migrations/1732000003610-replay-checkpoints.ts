import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Checkpoints of the replay fold (docs/adr/0022-snapshot-policy-and-state-at.md): the board row of an incident after
 * its first `events` events (incident and allocation events in log order), so `GET /incidents/{id}/state?at=` folds
 * only the events after the last checkpoint recorded entirely before the instant. A cache beside the events: dropping
 * every row changes no answer, only the time of the next one. `fold_key` names the fold (its version and the
 * reporting setting it applied); a checkpoint of another key is never read.
 */
export class ReplayCheckpoints1732000003610 implements MigrationInterface {
  name = 'ReplayCheckpoints1732000003610';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table replay_checkpoints (
        incident_id uuid not null,
        fold_key text not null,
        events integer not null,
        position text not null,
        covers_until timestamptz not null,
        incident_revision bigint not null,
        warehouse_revisions jsonb not null,
        -- json, not jsonb: the row comes back with its keys in the order they were written.
        row json not null,
        taken_at timestamptz not null default now(),
        primary key (incident_id, fold_key, events)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table replay_checkpoints');
  }
}
