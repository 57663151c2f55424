import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shelter register (应急避难场所) and its occupancy history: read models, disposable (a rebuild truncates them
 * and replays the `shelter` streams).
 */
export class Shelters1732000003350 implements MigrationInterface {
  name = 'Shelters1732000003350';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table shelter_register (
        id uuid primary key,
        name text not null,
        kind text not null,
        capacity int not null check (capacity > 0),
        occupants int not null check (occupants >= 0),
        facilities text[] not null,
        address text not null,
        lat double precision not null,
        lng double precision not null,
        jurisdiction text not null,
        incident_id uuid,
        incident_title text,
        occupancy_updated_at timestamptz,
        active boolean not null,
        registered_at timestamptz not null,
        updated_at timestamptz not null,
        revision int not null,
        position text not null
      )`);
    await q.query(`create index shelter_register_jurisdiction on shelter_register (jurisdiction, kind)`);
    await q.query(`
      create table shelter_occupancy (
        shelter_id uuid not null,
        revision int not null,
        at timestamptz not null,
        occupants int not null,
        incident_id uuid,
        incident_title text,
        note text,
        recorded_by text not null,
        primary key (shelter_id, revision)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table shelter_occupancy`);
    await q.query(`drop table shelter_register`);
  }
}
