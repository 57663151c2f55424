import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reporting chain a bureau can defend (docs/domain.md rules 3–6): a jurisdiction's deadline profile is now a set
 * of rules with their legal sources (named here, defined in the incidents context), the board keeps the intake facts
 * the bureau's clock runs from, and compliance tells the bureau's obligations from the unit's. The existing
 * jurisdictions keep their profiles (`national`, `strict-demo`); the board replays every incident's history so each
 * obligation is derived again under the new rules.
 */
export class ReportingChain1732000002000 implements MigrationInterface {
  name = 'ReportingChain1732000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table jurisdictions drop constraint if exists jurisdictions_deadline_profile_check`);
    await q.query(
      `alter table jurisdictions add constraint jurisdictions_deadline_profile_check
         check (deadline_profile in ('national', 'national-21', 'strict-demo'))`,
    );
    await q.query(`
      alter table incident_board
        add column received_at_reason text,
        add column unit_learned_at timestamptz,
        add column unit_reported_at timestamptz,
        add column near_miss boolean not null default false,
        add column casualties_after_window jsonb`);
    await q.query(`alter table deadline_compliance rename column reason to basis`);
    await q.query(`
      alter table deadline_compliance
        alter column level drop not null,
        add column responsible text not null default 'bureau' check (responsible in ('bureau', 'unit')),
        add column party text`);
    await q.query(`truncate incident_board, deadline_compliance`);
    await q.query(`delete from projection_checkpoints where projection = 'incident-board'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`truncate incident_board, deadline_compliance`);
    await q.query(`delete from projection_checkpoints where projection = 'incident-board'`);
    await q.query(`alter table deadline_compliance drop column responsible, drop column party`);
    await q.query(`alter table deadline_compliance rename column basis to reason`);
    await q.query(`
      alter table incident_board
        drop column received_at_reason, drop column unit_learned_at, drop column unit_reported_at, drop column near_miss,
        drop column casualties_after_window`);
    await q.query(`update jurisdictions set deadline_profile = 'national' where deadline_profile = 'national-21'`);
    await q.query(`alter table jurisdictions drop constraint if exists jurisdictions_deadline_profile_check`);
    await q.query(
      `alter table jurisdictions add constraint jurisdictions_deadline_profile_check
         check (deadline_profile in ('national', 'strict-demo'))`,
    );
  }
}
