import type { MigrationInterface, QueryRunner } from 'typeorm';
import { DEMO_JURISDICTIONS } from '../../libs/shared/src';

/**
 * Security baseline (ADR 0003): the jurisdiction tree as a parent–child table, users with argon2 password hashes,
 * failed sign-ins (kept in the database so the lockout holds across restarts and API processes), and the rule that
 * nothing updates or deletes a stored event, enforced by the database itself rather than by convention.
 */
export class Identity1732000000200 implements MigrationInterface {
  name = 'Identity1732000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table jurisdictions (
        code text primary key check (code ~ '^[0-9]{6}([0-9]{3})?$'),
        name text not null,
        level text not null check (level in ('city', 'county', 'town', 'park')),
        parent text references jurisdictions (code),
        time_zone text not null,
        count_missing_as_deaths boolean not null
      )`);
    // The demo tree is the seed; parents first so the foreign key holds.
    for (const j of DEMO_JURISDICTIONS) {
      await q.query(`insert into jurisdictions values ($1, $2, $3, $4, $5, $6)`, [
        j.code,
        j.name,
        j.level,
        j.parent ?? null,
        j.timeZone,
        j.countMissingAsDeaths,
      ]);
    }
    await q.query(`
      create table users (
        id uuid primary key,
        username text not null unique check (username ~ '^[a-z0-9_.-]{2,40}$'),
        display_name text not null,
        password_hash text not null,
        roles text[] not null check (cardinality(roles) > 0),
        jurisdiction text not null references jurisdictions (code),
        disabled_at timestamptz,
        created_at timestamptz not null default now(),
        created_by text not null
      )`);
    await q.query(
      `create table auth_login_failures (username text not null, failed_at timestamptz not null default clock_timestamp())`,
    );
    await q.query(`create index auth_login_failures_by_user on auth_login_failures (username, failed_at)`);
    await q.query(`
      create function es_events_are_immutable() returns trigger language plpgsql as $fn$
      begin
        raise exception 'stored events are immutable: % on es_events refused', tg_op using errcode = 'insufficient_privilege';
      end $fn$`);
    await q.query(
      `create trigger es_events_no_update_or_delete before update or delete on es_events for each row execute function es_events_are_immutable()`,
    );
    await q.query(
      `create trigger es_events_no_truncate before truncate on es_events for each statement execute function es_events_are_immutable()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop trigger es_events_no_truncate on es_events`);
    await q.query(`drop trigger es_events_no_update_or_delete on es_events`);
    await q.query(`drop function es_events_are_immutable()`);
    await q.query(`drop table auth_login_failures`);
    await q.query(`drop table users`);
    await q.query(`drop table jurisdictions`);
  }
}
