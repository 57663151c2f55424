import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The register of hazardous-chemical units (重大危险源, GB 18218-2018) and their identification history. Disposable
 * like every read model: a rebuild truncates both and replays the hazard source streams.
 */
export class HazardSourceRegister1732000002950 implements MigrationInterface {
  name = 'HazardSourceRegister1732000002950';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table hazard_source_register (
        id uuid primary key,
        enterprise_id uuid not null,
        enterprise_name text not null,
        name text not null,
        unit_kind text not null,
        jurisdiction text not null,
        location jsonb not null,
        exposed_population int not null,
        declared jsonb not null,
        substances jsonb not null,
        sum_ratio double precision not null,
        sum_ratio_exact text not null,
        is_major boolean not null,
        alpha double precision not null,
        r double precision not null,
        r_exact text not null,
        grade smallint,
        retired_at timestamptz,
        registered_at timestamptz not null,
        updated_at timestamptz not null,
        revision int not null,
        position text not null
      )`);
    await q.query(`create index hazard_source_by_jurisdiction on hazard_source_register (jurisdiction, grade)`);
    await q.query(`create index hazard_source_by_enterprise on hazard_source_register (enterprise_id)`);
    await q.query(`
      create table hazard_source_history (
        hazard_source_id uuid not null,
        revision int not null,
        at timestamptz not null,
        actor_id text,
        actor_name text,
        what text not null,
        sum_ratio double precision not null,
        is_major boolean not null,
        r double precision not null,
        grade smallint,
        primary key (hazard_source_id, revision)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table hazard_source_history');
    await q.query('drop table hazard_source_register');
  }
}
