import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The incident's workspace: the timeline takes the warehouse's allocation events of the incident as well as its own
 * (so a line is keyed by its event's stream and revision, and numbered per incident in the order of the log), and
 * names who acted — a person by display name,
 * or the system process and, where known, the person whose command set it going. `incident_accounts` keeps the account
 * as received at intake and every follow-up beside it, each with its time and author, instead of only the newest text.
 * Both are rebuilt from the event log.
 */
export class IncidentWorkspace1732000002250 implements MigrationInterface {
  name = 'IncidentWorkspace1732000002250';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`truncate incident_timeline`);
    await q.query(`delete from projection_checkpoints where projection = 'incident-timeline'`);
    await q.query(`alter table incident_timeline drop constraint incident_timeline_pkey`);
    await q.query(`
      alter table incident_timeline
        add column event_id text not null,
        add column stream text not null,
        add column jurisdiction text not null,
        add column source text not null default 'incident' check (source in ('incident', 'warehouse')),
        add column line integer not null,
        add column actor_id text not null,
        add column actor_kind text not null default 'person' check (actor_kind in ('person', 'system')),
        add column via text`);
    await q.query(`alter table incident_timeline add primary key (incident_id, stream, revision)`);
    await q.query(`create unique index incident_timeline_lines on incident_timeline (incident_id, line)`);
    await q.query(`
      create table incident_accounts (
        incident_id uuid not null,
        event_id text not null,
        revision bigint not null,
        kind text not null check (kind in ('initial', 'follow_up')),
        at timestamptz not null,
        author_id text not null,
        author text not null,
        description text,
        measures text,
        casualties jsonb not null,
        direct_loss_yuan bigint,
        outside_window boolean not null default false,
        drill_id uuid,
        position text not null,
        primary key (incident_id, revision)
      )`);
    await q.query(`delete from projection_checkpoints where projection = 'incident-accounts'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop table incident_accounts`);
    await q.query(`delete from projection_checkpoints where projection in ('incident-accounts', 'incident-timeline')`);
    await q.query(`truncate incident_timeline`);
    await q.query(`drop index incident_timeline_lines`);
    await q.query(`alter table incident_timeline drop constraint incident_timeline_pkey`);
    await q.query(`
      alter table incident_timeline
        drop column event_id, drop column stream, drop column jurisdiction, drop column source, drop column line, drop column actor_id, drop column actor_kind,
        drop column via`);
    await q.query(`alter table incident_timeline add primary key (incident_id, revision)`);
  }
}
