import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Handover acceptance (接班确认, docs/domain.md 值班): a handover names the accounts that may accept it and records who
 * accepted and when. Handovers already stored named nobody and stay pending until an officer of the watch accepts.
 */
export class HandoverAcceptance1732000002150 implements MigrationInterface {
  name = 'HandoverAcceptance1732000002150';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table duty_handovers add column incoming jsonb not null default '[]'`);
    await q.query(`alter table duty_handovers add column accepted_by jsonb`);
    await q.query(`alter table duty_handovers add column accepted_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table duty_handovers drop column accepted_at`);
    await q.query(`alter table duty_handovers drop column accepted_by`);
    await q.query(`alter table duty_handovers drop column incoming`);
  }
}
