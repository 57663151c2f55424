import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Drills and the scenario library (演练、情景库, ADR 0007). Disposable: a rebuild replays the drill and scenario streams. */
export class Drills1732000000900 implements MigrationInterface {
  name = 'Drills1732000000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table drills (
        id uuid primary key,
        title text not null,
        form text not null,
        scope text not null,
        jurisdiction text not null,
        plan_id uuid,
        plan_version int,
        participants jsonb not null,
        scenario jsonb,
        status text not null,
        planned_by text not null,
        planned_at timestamptz not null,
        started_at timestamptz,
        started_by text,
        ended_at timestamptz,
        ended_by text,
        executed int[] not null,
        injects jsonb not null,
        next_due_at timestamptz,
        revision int not null,
        position text not null
      )`);
    await q.query(`create index drills_by_jurisdiction on drills (jurisdiction, planned_at)`);
    await q.query(
      `create index drills_due on drills (next_due_at) where status = 'running' and next_due_at is not null`,
    );
    await q.query(`
      create table drill_scenarios (
        id uuid primary key,
        name text not null,
        description text,
        jurisdiction text not null,
        injects jsonb not null,
        saved_by text not null,
        saved_at timestamptz not null,
        position text not null
      )`);
    await q.query(`create index drill_scenarios_by_jurisdiction on drill_scenarios (jurisdiction, name)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table drill_scenarios`);
    await q.query(`drop table drills`);
  }
}
