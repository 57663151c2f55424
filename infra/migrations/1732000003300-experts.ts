import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The expert library (专家库) and consultations (会商): read models, disposable (a rebuild truncates them and replays
 * the `expert` and `consultation` streams).
 */
export class Experts1732000003300 implements MigrationInterface {
  name = 'Experts1732000003300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table expert_register (
        id uuid primary key,
        name text not null,
        specialties text[] not null,
        title text not null,
        organization text not null,
        phone text not null,
        jurisdiction text not null,
        active boolean not null,
        registered_at timestamptz not null,
        updated_at timestamptz not null,
        revision int not null,
        position text not null
      )`);
    await q.query(`create index expert_register_jurisdiction on expert_register (jurisdiction)`);
    await q.query(`create index expert_register_specialties on expert_register using gin (specialties)`);
    await q.query(`
      create table expert_consultations (
        id uuid primary key,
        incident_id uuid not null,
        expert_id uuid not null,
        jurisdiction text not null,
        expert_name text not null,
        specialty_labels text[] not null,
        mode text not null,
        status text not null,
        topic text not null,
        invited_at timestamptz not null,
        invited_by text not null,
        answered_at timestamptz,
        answer_note text,
        drill_id text,
        revision int not null,
        position text not null
      )`);
    await q.query(`create index expert_consultations_incident on expert_consultations (incident_id)`);
    await q.query(
      `create index expert_consultations_accepted on expert_consultations (expert_id) where status = 'accepted'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table expert_consultations`);
    await q.query(`drop table expert_register`);
  }
}
