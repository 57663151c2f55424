import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ES_APPEND_V1 } from './1732000000000-event-store';

/**
 * Two changes to `es_append` the side-by-side bench pointed to:
 * - no pg_notify inside the append transaction: PostgreSQL serializes the commits of all transactions that queued a
 *   notification (one lock on the notification queue at commit), which capped concurrent appends; the store sends one
 *   coalesced NOTIFY after commits instead (postgres/append-notifier.ts);
 * - a fast path for appends that create their stream (every incident, team, warehouse, plan and drill starts so): one
 *   insert of the stream row at its final revision plus the events, instead of insert, re-select for update,
 *   idempotency look-up and update. Existing streams take the checked path, unchanged from ES_APPEND_V1.
 * The event-store contract suite covers both paths.
 */
export class AppendFunctionV21732000001200 implements MigrationInterface {
  name = 'AppendFunctionV21732000001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
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
        -- A brand-new stream (the common case: every report opens one): create its row already at its final revision
        -- and insert the events, with no lock-then-check round: nobody else can see the row until we commit, and a
        -- concurrent creator waits on it and then takes the checked path below (and gets wrong_expected_version).
        if p_expected = 'no_stream' or p_expected = 'any' then
          insert into es_streams (stream_name, category, current_revision) values (p_stream, p_category, v_n - 1)
            on conflict (stream_name) do nothing;
          if found then
            if v_n = 0 then
              return query select 'ok'::text, -1::bigint, null::xid8, null::bigint, null::bigint;
              return;
            end if;
            with inserted as (
              insert into es_events (stream_name, category, stream_revision, event_id, event_type, data, metadata)
              select p_stream, p_category, i - 1, p_ids[i], p_types[i], p_data[i], p_metadata[i]
                from generate_subscripts(p_ids, 1) as i
              returning global_position
            )
            select max(global_position) into v_last from inserted;
            return query select 'ok'::text, (v_n - 1)::bigint, pg_current_xact_id(), v_last, null::bigint;
            return;
          end if;
        end if;
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
        return query select 'ok'::text, v_current + v_n, pg_current_xact_id(), v_last, null::bigint;
      end
      $fn$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(ES_APPEND_V1);
  }
}
