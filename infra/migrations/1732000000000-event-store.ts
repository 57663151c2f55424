import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL event store. Appends run in one stored function (one round trip, one transaction) that locks
 * the stream row, checks idempotency and the expected revision, inserts the events and notifies subscribers.
 *
 * Readers of the global log only see rows whose `transaction_id` is below the oldest running transaction
 * (`pg_snapshot_xmin(pg_current_snapshot())`) and read them in `(transaction_id, global_position)` order: a
 * transaction that took a lower sequence value but commits later can never be skipped, and no timeout decides.
 */
/** The first `es_append` (kept as a constant: the migration that replaces it restores it on the way down). */
export const ES_APPEND_V1 = `
      create or replace function es_append(
        p_stream text, p_category text, p_expected text, p_expected_revision bigint,
        p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[])
      returns table (outcome text, next_revision bigint, tx xid8, last_position bigint, actual_revision bigint)
      language plpgsql as $fn$
      declare
        v_n int := coalesce(array_length(p_ids, 1), 0);
        v_current bigint;
        v_deleted boolean;
        v_exists boolean;
        v_matched uuid[];
        v_first bigint;
        v_last bigint;
        v_tx xid8;
      begin
        select s.current_revision, s.deleted into v_current, v_deleted
          from es_streams s where s.stream_name = p_stream for update;
        if not found then
          if p_expected = 'stream_exists' or p_expected = 'exact' then
            return query select 'wrong_expected_version'::text, null::bigint, null::xid8, null::bigint, null::bigint;
            return;
          end if;
          insert into es_streams (stream_name, category, current_revision) values (p_stream, p_category, -1)
            on conflict (stream_name) do nothing;
          select s.current_revision, s.deleted into v_current, v_deleted
            from es_streams s where s.stream_name = p_stream for update;
        end if;
        v_exists := v_current >= 0 and not v_deleted;

        -- Idempotency (the EventStoreDB rule): the same ids, in order, right after the expected revision.
        if v_n > 0 then
          select array_agg(e.event_id order by e.stream_revision), min(e.stream_revision)
            into v_matched, v_first
            from es_events e where e.stream_name = p_stream and e.event_id = any(p_ids);
          if v_matched is not null then
            if v_matched = p_ids and (
                 p_expected = 'any' or p_expected = 'stream_exists'
                 or (p_expected = 'no_stream' and v_first = 0)
                 or (p_expected = 'exact' and v_first = p_expected_revision + 1)) then
              select e.transaction_id, e.global_position into v_tx, v_last
                from es_events e where e.stream_name = p_stream and e.stream_revision = v_first + v_n - 1;
              return query select 'idempotent'::text, v_first + v_n - 1, v_tx, v_last, null::bigint;
              return;
            end if;
            if array_length(v_matched, 1) <> v_n or v_matched <> p_ids then
              return query select 'idempotency_conflict'::text, null::bigint, null::xid8, null::bigint, null::bigint;
              return;
            end if;
          end if;
        end if;

        if (p_expected = 'no_stream' and v_exists)
           or (p_expected = 'stream_exists' and not v_exists)
           or (p_expected = 'exact' and v_current <> p_expected_revision) then
          return query select 'wrong_expected_version'::text, null::bigint, null::xid8, null::bigint,
            case when v_exists then v_current else null end;
          return;
        end if;

        if v_n = 0 then
          return query select 'ok'::text, v_current, null::xid8, null::bigint, null::bigint;
          return;
        end if;

        with inserted as (
          insert into es_events (stream_name, category, stream_revision, event_id, event_type, data, metadata)
          select p_stream, p_category, v_current + i, p_ids[i], p_types[i], p_data[i], p_metadata[i]
            from generate_subscripts(p_ids, 1) as i
          returning global_position
        )
        select max(global_position) into v_last from inserted;
        update es_streams set current_revision = v_current + v_n, deleted = false where stream_name = p_stream;
        perform pg_notify('es_appended', p_category);
        return query select 'ok'::text, v_current + v_n, pg_current_xact_id(), v_last, null::bigint;
      end
      $fn$`;

export class EventStore1732000000000 implements MigrationInterface {
  name = 'EventStore1732000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table es_streams (
        stream_name text primary key,
        category text not null,
        current_revision bigint not null,
        -- soft delete hides events below this revision; numbering continues after it
        truncate_before bigint not null default 0,
        deleted boolean not null default false
      )`);
    await q.query(`
      create table es_events (
        global_position bigint generated always as identity primary key,
        transaction_id xid8 not null default pg_current_xact_id(),
        stream_name text not null,
        category text not null,
        stream_revision bigint not null,
        event_id uuid not null,
        event_type text not null,
        data jsonb not null,
        metadata jsonb not null,
        recorded_at timestamptz not null default clock_timestamp(),
        constraint es_events_stream_revision unique (stream_name, stream_revision),
        constraint es_events_stream_event_id unique (stream_name, event_id)
      )`);
    await q.query(`create index es_events_commit_order on es_events (transaction_id, global_position)`);
    await q.query(`create index es_events_category_order on es_events (category, transaction_id, global_position)`);
    await q.query(ES_APPEND_V1);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function if exists es_append`);
    await q.query(`drop table if exists es_events`);
    await q.query(`drop table if exists es_streams`);
  }
}
