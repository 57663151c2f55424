import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hidden hazard register (隐患台账). Disposable like every read model: a rebuild truncates it and replays the
 * hidden hazard streams. `overdue` is not a column: it is read from the deadline at query time.
 */
export class HiddenHazardRegister1732000003250 implements MigrationInterface {
  name = 'HiddenHazardRegister1732000003250';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table hidden_hazard_register (
        id uuid primary key,
        enterprise_id uuid not null,
        enterprise_name text not null,
        jurisdiction text not null,
        hazard_source_id uuid,
        hazard_source_name text,
        title text not null,
        description text not null,
        grade text not null,
        standard text,
        source text not null,
        found_at timestamptz not null,
        found_by text not null,
        measures text not null,
        deadline timestamptz not null,
        responsible_name text not null,
        responsible_phone text,
        status text not null,
        round int not null,
        supervision_level text,
        supervision_jurisdiction text,
        supervised_at timestamptz,
        supervised_by text,
        rectified_at timestamptz,
        rectification_note text,
        verifications jsonb not null,
        closed_at timestamptz,
        closed_by text,
        recorded_at timestamptz not null,
        updated_at timestamptz not null,
        revision int not null,
        position text not null
      )`);
    await q.query(`create index hidden_hazard_by_jurisdiction on hidden_hazard_register (jurisdiction, status)`);
    await q.query(`create index hidden_hazard_by_enterprise on hidden_hazard_register (enterprise_id)`);
    // The overdue watch reads the hazards still being rectified by deadline on every tick.
    await q.query(
      `create index hidden_hazard_rectifying_by_deadline on hidden_hazard_register (deadline) where status = 'rectifying'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table hidden_hazard_register');
  }
}
