import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Reporting-deadline profile per jurisdiction (docs/domain.md rule 4): the national rule unless a local rule is stricter. */
export class DeadlineProfiles1732000000500 implements MigrationInterface {
  name = 'DeadlineProfiles1732000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `alter table jurisdictions add column deadline_profile text not null default 'national' check (deadline_profile in ('national', 'strict-demo'))`,
    );
    // The demo industrial park follows a stricter (invented) local rule, to show profiles side by side.
    await q.query(`update jurisdictions set deadline_profile = 'strict-demo' where code = '640571'`);
    // The board now derives deadlines from every incident's history: have the projection replay it from the start.
    await q.query(`truncate incident_board`);
    await q.query(`delete from projection_checkpoints where projection = 'incident-board'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table jurisdictions drop column deadline_profile`);
  }
}
