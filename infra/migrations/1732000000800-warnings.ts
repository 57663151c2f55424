import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Warning board read model (预警). Disposable: a rebuild truncates and replays the warning streams. */
export class Warnings1732000000800 implements MigrationInterface {
  name = 'Warnings1732000000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table warning_board (
        id uuid primary key,
        jurisdiction text not null,
        level text not null,
        hazard text not null,
        area jsonb not null,
        message text not null,
        instruction text,
        effective timestamptz not null,
        expires timestamptz not null,
        channels text[] not null,
        drill_id uuid,
        incident_id uuid,
        status text not null,
        lift_reason text,
        lifted_at timestamptz,
        issued_at timestamptz not null,
        updated_at timestamptz not null,
        messages jsonb not null,
        revision int not null,
        position text not null
      )`);
    await q.query(
      `create index warning_board_by_jurisdiction on warning_board (jurisdiction, status, expires) where drill_id is null`,
    );
    await q.query(`create index warning_board_by_drill on warning_board (drill_id) where drill_id is not null`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table warning_board`);
  }
}
