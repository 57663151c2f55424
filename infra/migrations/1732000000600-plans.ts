import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Contingency plans (ADR 0005): the plan register, every version, suggestions, and the board's active plans. */
export class Plans1732000000600 implements MigrationInterface {
  name = 'Plans1732000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table plans (
        id uuid primary key,
        title text not null,
        kind text not null,
        jurisdiction text not null,
        categories text[] not null,
        status text not null,
        latest_version int not null,
        in_force_version int,
        in_force_content jsonb,
        content jsonb not null,
        updated_at timestamptz not null,
        revision int not null,
        position text not null
      )`);
    await q.query(`create index plans_jurisdiction_idx on plans (jurisdiction, status)`);
    await q.query(`
      create table plan_versions (
        plan_id uuid not null,
        version int not null,
        jurisdiction text not null,
        content jsonb not null,
        status text not null,
        created_by text not null,
        created_at timestamptz not null,
        published_at timestamptz,
        filing jsonb,
        primary key (plan_id, version)
      )`);
    await q.query(`
      create table plan_suggestions (
        incident_id uuid primary key,
        jurisdiction text not null,
        drill_id uuid,
        status text not null,
        facts jsonb not null,
        response_level text,
        activated jsonb not null,
        suggestions jsonb not null,
        updated_at timestamptz not null,
        position text not null
      )`);
    await q.query(`alter table incident_board add column active_plans jsonb not null default '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`alter table incident_board drop column active_plans`);
    await q.query(`drop table plan_suggestions`);
    await q.query(`drop table plan_versions`);
    await q.query(`drop table plans`);
  }
}
