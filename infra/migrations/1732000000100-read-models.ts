import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Read-model tables and projection checkpoints. Read models are disposable: a rebuild truncates and replays. */
export class ReadModels1732000000100 implements MigrationInterface {
  name = 'ReadModels1732000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table projection_checkpoints (
        projection text primary key,
        position_commit numeric(20) not null,
        position_prepare numeric(20) not null,
        updated_at timestamptz not null default now()
      )`);
    await q.query(`
      create table incident_board (
        id uuid primary key,
        title text not null,
        category text not null,
        status text not null,
        grade text not null,
        response_level text,
        jurisdiction text not null,
        enterprise text,
        occurred_at timestamptz not null,
        reported_at timestamptz not null,
        updated_at timestamptz not null,
        closed_at timestamptz,
        location jsonb not null,
        reporter jsonb not null,
        casualties jsonb not null,
        direct_loss_yuan bigint,
        description text not null,
        measures text,
        summary text,
        drill_id uuid,
        deadlines jsonb not null default '[]',
        assigned_teams jsonb not null default '[]',
        allocations jsonb not null default '[]',
        tasks jsonb not null default '[]',
        revision bigint not null,
        position text not null
      )`);
    await q.query(`create index incident_board_filter on incident_board (jurisdiction, status, occurred_at desc)`);
    await q.query(`create index incident_board_drill on incident_board (drill_id) where drill_id is not null`);
    await q.query(`
      create table incident_timeline (
        incident_id uuid not null,
        revision bigint not null,
        at timestamptz not null,
        recorded_at timestamptz not null,
        type text not null,
        summary text not null,
        actor text not null,
        drill_id uuid,
        position text not null,
        primary key (incident_id, revision)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table if exists incident_timeline`);
    await q.query(`drop table if exists incident_board`);
    await q.query(`drop table if exists projection_checkpoints`);
  }
}
