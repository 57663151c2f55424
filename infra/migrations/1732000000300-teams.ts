import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Team availability read model. Disposable: a rebuild truncates and replays the team streams. */
export class Teams1732000000300 implements MigrationInterface {
  name = 'Teams1732000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table team_availability (
        id uuid primary key,
        name text not null,
        kind text not null,
        specialties text[] not null,
        headcount int not null,
        equipment jsonb not null,
        base jsonb not null,
        jurisdiction text not null,
        contact jsonb not null,
        status text not null,
        incident_id uuid,
        last_location jsonb,
        status_since timestamptz not null,
        revision int not null,
        position text not null
      )`);
    await q.query(`create index team_availability_by_jurisdiction on team_availability (jurisdiction, status)`);
    await q.query(
      `create index team_availability_by_incident on team_availability (incident_id) where incident_id is not null`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table team_availability`);
  }
}
