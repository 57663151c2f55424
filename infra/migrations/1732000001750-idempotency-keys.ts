import type { MigrationInterface, QueryRunner } from 'typeorm';

const ES_APPEND_KEYED = 'es_append_keyed(text, text, text, text, text, text, bigint, uuid[], text[], jsonb[], jsonb[])';

/** Keys of events stored before the record existed, from their metadata (run again, it adds nothing). */
export const BACKFILL_KEYS = `
      insert into idempotency_keys (actor_id, idempotency_key, request_hash, created_at)
      select metadata->>'actorId', metadata->>'idempotencyKey', max(metadata->>'requestHash'), min(recorded_at)
        from es_events where metadata ? 'idempotencyKey' and metadata ? 'actorId'
       group by 1, 2
      on conflict do nothing`;

export const BACKFILL_KEY_STREAMS = `
      insert into idempotency_key_streams (actor_id, idempotency_key, stream_name, status, expected_revision, first_event_id,
                                           event_count, first_revision, last_revision, last_position, created_at, completed_at)
      select k.actor_id, k.idempotency_key, k.stream_name, 'appended', k.first_revision - 1,
             (array_agg(e.event_id order by e.stream_revision))[1], count(*)::int, k.first_revision, k.last_revision,
             max(e.transaction_id::text || '/' || e.global_position::text) filter (where e.stream_revision = k.last_revision),
             min(e.recorded_at), min(e.recorded_at)
        from (select metadata->>'actorId' as actor_id, metadata->>'idempotencyKey' as idempotency_key, stream_name,
                     min(stream_revision) as first_revision, max(stream_revision) as last_revision
                from es_events where metadata ? 'idempotencyKey' and metadata ? 'actorId' group by 1, 2, 3) k
        join es_events e on e.stream_name = k.stream_name and e.stream_revision between k.first_revision and k.last_revision
       group by k.actor_id, k.idempotency_key, k.stream_name, k.first_revision, k.last_revision
      on conflict do nothing`;

/**
 * Where Idempotency-Keys are recorded (docs/adr/0011-idempotency-across-stores.md), in the read-model database that
 * exists whichever event store is configured:
 * - `idempotency_keys`: one row per (actor, key), binding the key to its request (a hash of method, path, actor and
 *   body); the place a later version keeps the first answer;
 * - `idempotency_key_streams`: what the key appended to each stream it touched (one request may write two streams,
 *   e.g. a team and a drill): the revision the append expected, its first event id and count, and once it is stored
 *   the revision range and position. `reserved` rows exist only with KurrentDB, between reservation and completion.
 *
 * With the PostgreSQL event store, `es_append_keyed` records the key in the append's own transaction, so an append
 * and its key record commit together or not at all. Keys of events stored before this migration are filled in from
 * their metadata, so a retry that straddles the upgrade is still recognised.
 */
export class IdempotencyKeys1732000001750 implements MigrationInterface {
  name = 'IdempotencyKeys1732000001750';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create table idempotency_keys (
        actor_id text not null,
        idempotency_key text not null,
        request_hash text,
        created_at timestamptz not null default now(),
        primary key (actor_id, idempotency_key)
      )`);
    await q.query(`
      create table idempotency_key_streams (
        actor_id text not null,
        idempotency_key text not null,
        stream_name text not null,
        status text not null check (status in ('reserved', 'appended')),
        expected_revision bigint not null,
        first_event_id uuid not null,
        event_count integer not null check (event_count > 0),
        first_revision bigint,
        last_revision bigint,
        last_position text,
        created_at timestamptz not null default now(),
        completed_at timestamptz,
        primary key (actor_id, idempotency_key, stream_name),
        foreign key (actor_id, idempotency_key) references idempotency_keys on delete cascade,
        check (status = 'reserved' or (first_revision is not null and last_revision is not null and last_position is not null))
      )`);
    await q.query(
      `comment on column idempotency_key_streams.expected_revision is 'the revision the keyed append expected; -1: no stream'`,
    );
    await q.query(
      `comment on column idempotency_key_streams.last_position is 'global position of the last event appended, as commit/prepare'`,
    );

    await q.query(BACKFILL_KEYS);
    await q.query(BACKFILL_KEY_STREAMS);

    // One call, one transaction: the key is checked and recorded under the same stream lock as the append.
    await q.query(`
      create function es_append_keyed(
        p_actor text, p_key text, p_request_hash text,
        p_stream text, p_category text, p_expected text, p_expected_revision bigint,
        p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[])
      returns table (outcome text, next_revision bigint, tx xid8, last_position bigint, actual_revision bigint,
                     first_revision bigint, recorded_position text)
      language plpgsql as $fn$
      declare
        v_bound text;
        v_row idempotency_key_streams%rowtype;
        v_result record;
      begin
        -- The request row is taken (or locked, when it exists) first: two requests under one key queue here.
        insert into idempotency_keys as k (actor_id, idempotency_key, request_hash) values (p_actor, p_key, p_request_hash)
          on conflict (actor_id, idempotency_key) do update set request_hash = coalesce(k.request_hash, excluded.request_hash)
          returning k.request_hash into v_bound;
        if p_request_hash is not null and v_bound is distinct from p_request_hash then
          return query select 'key_reused'::text, null::bigint, null::xid8, null::bigint, null::bigint, null::bigint, null::text;
          return;
        end if;
        select * into v_row from idempotency_key_streams s
         where s.actor_id = p_actor and s.idempotency_key = p_key and s.stream_name = p_stream;
        if found then
          return query select 'key_recorded'::text, v_row.last_revision, null::xid8, null::bigint, null::bigint,
            v_row.first_revision, v_row.last_position;
          return;
        end if;
        select * into v_result from es_append(p_stream, p_category, p_expected, p_expected_revision, p_ids, p_types, p_data, p_metadata);
        if v_result.outcome in ('ok', 'idempotent') and coalesce(array_length(p_ids, 1), 0) > 0 then
          insert into idempotency_key_streams (actor_id, idempotency_key, stream_name, status, expected_revision, first_event_id,
                                               event_count, first_revision, last_revision, last_position, completed_at)
          values (p_actor, p_key, p_stream, 'appended',
                  case when p_expected = 'exact' then p_expected_revision else v_result.next_revision - array_length(p_ids, 1) end,
                  p_ids[1], array_length(p_ids, 1), v_result.next_revision - array_length(p_ids, 1) + 1, v_result.next_revision,
                  v_result.tx::text || '/' || v_result.last_position::text, now());
        end if;
        return query select v_result.outcome, v_result.next_revision, v_result.tx, v_result.last_position, v_result.actual_revision,
          null::bigint, null::text;
      end
      $fn$`);
    // Like es_append: the application role may not write the key tables' history around it, and may only call it.
    await q.query(`
      do $$ begin
        execute format('alter function ${ES_APPEND_KEYED} security definer set search_path = %I, pg_temp', current_schema());
      end $$`);
    await q.query(`revoke execute on function ${ES_APPEND_KEYED} from public`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function if exists ${ES_APPEND_KEYED}`);
    await q.query(`drop table if exists idempotency_key_streams`);
    await q.query(`drop table if exists idempotency_keys`);
  }
}
