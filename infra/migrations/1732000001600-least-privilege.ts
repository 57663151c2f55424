import type { MigrationInterface, QueryRunner } from 'typeorm';

const ES_APPEND = 'es_append(text, text, text, bigint, uuid[], text[], jsonb[], jsonb[])';

/**
 * The application connects as a role that may not write the event log directly (infra/database/roles.ts): it
 * appends through `es_append`, which therefore runs with its owner's rights (SECURITY DEFINER). Its search path is
 * pinned to the schema it was created in, so a caller cannot slip in a table or operator of its own. Nobody but the
 * roles the grant step names may call it.
 * A later `create or replace function es_append` resets these attributes: such a migration must repeat them.
 */
export class LeastPrivilege1732000001600 implements MigrationInterface {
  name = 'LeastPrivilege1732000001600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      do $$ begin
        execute format('alter function ${ES_APPEND} security definer set search_path = %I, pg_temp', current_schema());
      end $$`);
    await q.query(`revoke execute on function ${ES_APPEND} from public`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`grant execute on function ${ES_APPEND} to public`);
    await q.query(`alter function ${ES_APPEND} security invoker reset search_path`);
  }
}
