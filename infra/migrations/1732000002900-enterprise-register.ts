import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The enterprise register (企业) and its gateways' device keys: read models, disposable (a rebuild truncates them and
 * replays the `enterprise` streams). The credit code's uniqueness is decided by the `creditcode-<code>` streams; the
 * unique index here is a second guard, so that a projection applying a duplicate would fail loudly (and park) rather
 * than show two units under one code.
 */
export class EnterpriseRegister1732000002900 implements MigrationInterface {
  name = 'EnterpriseRegister1732000002900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table enterprise_register (
        id uuid primary key,
        name text not null,
        credit_code text not null,
        industry text not null,
        jurisdiction text not null,
        address text not null,
        lat double precision not null,
        lng double precision not null,
        principal jsonb not null,
        safety jsonb,
        hazard_source_count int not null default 0,
        highest_hazard_grade int check (highest_hazard_grade between 1 and 4),
        registered_at timestamptz not null,
        updated_at timestamptz not null,
        revision int not null,
        position text not null
      )`);
    await q.query(`create unique index enterprise_register_credit_code on enterprise_register (credit_code)`);
    await q.query(`create index enterprise_register_jurisdiction on enterprise_register (jurisdiction, industry)`);
    await q.query(`
      create table enterprise_device_keys (
        key_id text primary key,
        enterprise_id uuid not null,
        label text not null,
        secret_hash text not null,
        issued_at timestamptz not null,
        issued_by text not null,
        revoked_at timestamptz,
        last_used_at timestamptz
      )`);
    await q.query(`create index enterprise_device_keys_enterprise on enterprise_device_keys (enterprise_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table enterprise_device_keys`);
    await q.query(`drop table enterprise_register`);
  }
}
