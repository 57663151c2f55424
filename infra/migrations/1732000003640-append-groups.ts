import type { MigrationInterface, QueryRunner } from 'typeorm';

const ES_APPEND_GROUP =
  'es_append_group(text[], text[], text[], bigint[], integer[], text[], text[], text[], uuid[], text[], jsonb[], jsonb[])';

/**
 * Group commit (docs/adr/0025-event-store-group-commit.md): `es_append_group` runs several appends, each to its own
 * stream and each with its own expectation, in ONE transaction, so that appends which queue behind each other share a
 * commit (one WAL flush) instead of paying one each. Every append goes through `es_append` or `es_append_keyed`
 * exactly as if it were called alone, in the order given, and returns its own row (numbered by `item`, from 1):
 * outcomes such as wrong_expected_version are rows, not errors, so one append's refusal never undoes another's
 * events. An append that raises (a unique violation) aborts the whole group; the store then runs that group's
 * appends one by one. Event arrays are concatenated: `p_counts[i]` events belong to the i-th append.
 */
export class AppendGroups1732000003640 implements MigrationInterface {
  name = 'AppendGroups1732000003640';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      create or replace function es_append_group(
        p_streams text[], p_categories text[], p_expected text[], p_expected_revisions bigint[], p_counts integer[],
        p_actors text[], p_keys text[], p_request_hashes text[],
        p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[])
      returns table (item integer, outcome text, next_revision bigint, tx xid8, last_position bigint,
                     actual_revision bigint, first_revision bigint, recorded_position text)
      language plpgsql as $fn$
      declare
        v_from integer := 1;
        v_to integer;
        r record;
      begin
        for i in 1 .. coalesce(array_length(p_streams, 1), 0) loop
          v_to := v_from + p_counts[i] - 1;
          if p_keys[i] is null then
            select * into r from es_append(p_streams[i], p_categories[i], p_expected[i], p_expected_revisions[i],
              p_ids[v_from:v_to], p_types[v_from:v_to], p_data[v_from:v_to], p_metadata[v_from:v_to]);
            return query select i, r.outcome, r.next_revision, r.tx, r.last_position, r.actual_revision,
              null::bigint, null::text;
          else
            select * into r from es_append_keyed(p_actors[i], p_keys[i], p_request_hashes[i], p_streams[i],
              p_categories[i], p_expected[i], p_expected_revisions[i],
              p_ids[v_from:v_to], p_types[v_from:v_to], p_data[v_from:v_to], p_metadata[v_from:v_to]);
            return query select i, r.outcome, r.next_revision, r.tx, r.last_position, r.actual_revision,
              r.first_revision, r.recorded_position;
          end if;
          v_from := v_to + 1;
        end loop;
      end
      $fn$`);
    // It writes nothing itself (es_append and es_append_keyed do, with their owner's rights): it runs with the
    // caller's, on a pinned search path, and only the roles the grant step names may call it.
    await q.query(`
      do $$ begin
        execute format('alter function ${ES_APPEND_GROUP} set search_path = %I, pg_temp', current_schema());
      end $$`);
    await q.query(`revoke execute on function ${ES_APPEND_GROUP} from public`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`drop function if exists ${ES_APPEND_GROUP}`);
  }
}
