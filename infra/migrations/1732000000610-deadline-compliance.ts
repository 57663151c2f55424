import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadline compliance (docs/domain.md rule 6): one row per reporting obligation, kept by the incident-board projection in the same
 * transaction as the board, so compliance never disagrees with the deadlines an incident shows.
 */
export class DeadlineCompliance1732000000610 implements MigrationInterface {
  name = 'DeadlineCompliance1732000000610';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table deadline_compliance (
        incident_id uuid not null,
        obligation_id text not null,
        title text not null,
        category text not null,
        jurisdiction text not null,
        drill_id uuid,
        incident_status text not null,
        kind text not null,
        level text not null,
        reason text not null,
        due_at timestamptz not null,
        status text not null,
        reported_at timestamptz,
        reported_by text,
        primary key (incident_id, obligation_id)
      )`);
    await q.query(`create index deadline_compliance_due_idx on deadline_compliance (jurisdiction, due_at)`);
    // Existing incidents get their rows when the board replays its history.
    await q.query(`truncate incident_board`);
    await q.query(`delete from projection_checkpoints where projection = 'incident-board'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table deadline_compliance`);
  }
}
