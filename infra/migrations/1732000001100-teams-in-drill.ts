import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Live drills (docs/domain.md rule 21): a team taken into a live drill (status `in_drill`) shows the drill it is in. */
export class TeamsInDrill1732000001100 implements MigrationInterface {
  name = 'TeamsInDrill1732000001100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table team_availability add column drill_id uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table team_availability drop column drill_id`);
  }
}
