import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that outlive a process, sign-in throttling that parallel requests cannot slip past, and a durable log of
 * security events:
 * - `auth_signing_keys`: the keys access tokens are signed with (JWT header `kid`), made at first start when no
 *   AUTH_TOKEN_SECRET is configured, so a restart or a second process keeps every console signed in; retiring a key
 *   stops its tokens from verifying.
 * - `auth_sessions`: one row per sign-in with an absolute end (a duty shift); every access token names its row
 *   (`sid`) and is only good while the row is live. `auth_refresh_tokens`: the opaque refresh tokens of a session,
 *   stored as SHA-256 hashes; a superseded one presented again ends its whole session.
 * - `auth_devices`: browsers a user signed in from before (hashed cookie value), whose failures are counted apart.
 * - `auth_login_attempts`: failed (or still being verified) sign-ins per bucket, the account or a remembered device.
 * - `security_events`: append-only; rows younger than 180 days can be neither changed nor deleted.
 */
export class SessionsAndSecurityEvents1732000001500 implements MigrationInterface {
  name = 'SessionsAndSecurityEvents1732000001500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table auth_signing_keys (
        kid text primary key,
        secret text not null,
        created_at timestamptz not null default clock_timestamp(),
        retired_at timestamptz
      )`);
    await q.query(`
      create table auth_sessions (
        id uuid primary key,
        user_id uuid not null references users (id),
        created_at timestamptz not null,
        expires_at timestamptz not null,
        ended_at timestamptz,
        end_reason text,
        device_id uuid,
        address text
      )`);
    await q.query(`create index auth_sessions_live_by_user on auth_sessions (user_id) where ended_at is null`);
    await q.query(`
      create table auth_refresh_tokens (
        token_hash text primary key,
        session_id uuid not null references auth_sessions (id),
        issued_at timestamptz not null,
        superseded_at timestamptz
      )`);
    await q.query(`create index auth_refresh_tokens_by_session on auth_refresh_tokens (session_id)`);
    await q.query(`
      create table auth_devices (
        id uuid primary key,
        user_id uuid not null references users (id),
        token_hash text not null unique,
        created_at timestamptz not null,
        last_used_at timestamptz not null
      )`);
    await q.query(`create index auth_devices_by_user on auth_devices (user_id)`);
    await q.query(`drop table auth_login_failures`);
    await q.query(`create table auth_login_attempts (bucket text not null, failed_at timestamptz not null)`);
    await q.query(`create index auth_login_attempts_by_bucket on auth_login_attempts (bucket, failed_at)`);
    await q.query(`
      create table security_events (
        id bigint generated always as identity primary key,
        at timestamptz not null default clock_timestamp(),
        kind text not null,
        user_id uuid,
        username text,
        session_id uuid,
        jurisdiction text,
        address text,
        correlation_id text,
        method text,
        path text,
        status int,
        details jsonb not null default '{}'
      )`);
    await q.query(`create index security_events_by_time on security_events (at)`);
    await q.query(`create index security_events_by_user on security_events (user_id, at)`);
    await q.query(`create index security_events_by_kind on security_events (kind, at)`);
    // Kept at least 180 days: a retention job may delete older rows, nothing may touch younger ones or change any.
    await q.query(`
      create function security_events_are_append_only() returns trigger language plpgsql as $fn$
      begin
        if tg_op = 'DELETE' and old.at < now() - interval '180 days' then
          return old;
        end if;
        raise exception 'security events are append-only: % on security_events refused', tg_op using errcode = 'insufficient_privilege';
      end $fn$`);
    await q.query(
      `create trigger security_events_no_update_or_delete before update or delete on security_events for each row execute function security_events_are_append_only()`,
    );
    await q.query(
      `create trigger security_events_no_truncate before truncate on security_events for each statement execute function security_events_are_append_only()`,
    );
    // GET /audit filters the event log by time and actor; these let it read only the matching rows.
    await q.query(`create index es_events_by_recorded_at on es_events (recorded_at, global_position)`);
    await q.query(`create index es_events_by_actor on es_events ((metadata ->> 'actorId'), recorded_at)`);
    await q.query(`create index es_events_by_actor_name on es_events ((metadata ->> 'actorName'), recorded_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop index es_events_by_actor_name`);
    await q.query(`drop index es_events_by_actor`);
    await q.query(`drop index es_events_by_recorded_at`);
    await q.query(`drop table security_events`);
    await q.query(`drop function security_events_are_append_only()`);
    await q.query(`drop table auth_login_attempts`);
    await q.query(
      `create table auth_login_failures (username text not null, failed_at timestamptz not null default clock_timestamp())`,
    );
    await q.query(`create index auth_login_failures_by_user on auth_login_failures (username, failed_at)`);
    await q.query(`drop table auth_devices`);
    await q.query(`drop table auth_refresh_tokens`);
    await q.query(`drop table auth_sessions`);
    await q.query(`drop table auth_signing_keys`);
  }
}
