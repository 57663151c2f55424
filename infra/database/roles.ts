import { Client, type ClientBase } from 'pg';

/**
 * Least privilege in the database. Two roles:
 * - the owner owns the schema, runs migrations and restores backups (DATABASE_OWNER_URL; the embedded cluster's
 *   superuser);
 * - the application role (DATABASE_URL) reads everything, appends events only through `es_append` (a SECURITY
 *   DEFINER function: it checks expected revisions and idempotency, so no event enters beside it), and reads and
 *   writes the read models. It owns nothing, so it can neither disable the immutability triggers on the event log,
 *   nor alter its tables, nor switch `session_replication_role` (superusers only).
 * The grants are re-applied after every migration run, so tables added later are covered (default privileges cover
 * tables created by the owner outside a migration run).
 */

/** The application role of the embedded cluster. */
export const EMBEDDED_APP_ROLE = 'command_app';

/**
 * History: the application may read and add rows, never change or remove them. A table whose comment starts with
 * `append-only` is treated the same, so a migration can protect a new log without touching this list.
 */
export const APPEND_ONLY_TABLES = ['es_events', 'security_events'];

/** Written only by the owner (through `es_append`, or by migrations); the application only reads them. */
export const OWNER_WRITTEN_TABLES = ['es_streams', 'migrations'];

/** The functions through which the application writes owner-written tables. */
const APPLICATION_FUNCTIONS = [
  'es_append',
  'es_append_keyed',
  // Several appends in one transaction, each through es_append or es_append_keyed (group commit).
  'es_append_group',
  // Readings' day partitions: created ahead and dropped past retention (owner-only DDL, docs/monitoring.md).
  'monitoring_ensure_partitions',
  'monitoring_drop_partitions_before',
];

/** The role a URL connects as (decoded), or undefined when the URL names none. */
export function roleOf(url: string): string | undefined {
  const user = new URL(url).username;
  return user ? decodeURIComponent(user) : undefined;
}

/**
 * The application role to grant to, when the application connects as a role other than the owner; undefined when
 * one role does both (then there is nothing to grant, and `privilegeProblems` says what that role could do).
 */
export function applicationRole(appUrl: string, ownerUrl: string): string | undefined {
  const app = roleOf(appUrl);
  return app && app !== roleOf(ownerUrl) ? app : undefined;
}

/** Creates (or re-passwords) a login role with no special attributes. Needs CREATEROLE (or a superuser). */
export async function ensureLoginRole(ownerUrl: string, role: string, password: string): Promise<void> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = (await client.query('select 1 from pg_roles where rolname = $1', [role])).rowCount === 1;
    const literal = (await client.query<{ p: string }>('select quote_literal($1) as p', [password])).rows[0]!.p;
    await client.query(
      `${exists ? 'alter' : 'create'} role ${quoteIdent(role)} with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls password ${literal}`,
    );
  } finally {
    await client.end();
  }
}

/** Grants the application role what it needs in the current database of `owner`, and nothing more. Idempotent. */
export async function grantApplicationRole(owner: Pick<ClientBase, 'query'>, role: string): Promise<void> {
  const r = quoteIdent(role);
  const schema = (await owner.query<{ s: string }>('select current_schema() as s')).rows[0]!.s;
  const s = quoteIdent(schema);
  const { rows: tables } = await owner.query<{ name: string; comment: string | null }>(
    `select c.relname as name, obj_description(c.oid, 'pg_class') as comment
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relkind in ('r', 'p')`,
    [schema],
  );
  const appendOnly = tables
    .filter((t) => APPEND_ONLY_TABLES.includes(t.name) || /^append-only/i.test(t.comment ?? ''))
    .map((t) => t.name);
  const ownerWritten = tables.filter((t) => OWNER_WRITTEN_TABLES.includes(t.name)).map((t) => t.name);
  await owner.query('begin');
  try {
    // Two processes starting together would otherwise update the same catalogue rows at once and one would fail.
    await owner.query(`select pg_advisory_xact_lock(hashtext('command-api:grants'))`);
    await owner.query(`grant usage on schema ${s} to ${r}`);
    // From a clean slate each time, so a table that became append-only loses what it had.
    await owner.query(`revoke all on all tables in schema ${s} from ${r}`);
    await owner.query(`grant select, insert, update, delete, truncate on all tables in schema ${s} to ${r}`);
    await owner.query(`grant usage, select on all sequences in schema ${s} to ${r}`);
    for (const table of ownerWritten)
      await owner.query(`revoke insert, update, delete, truncate on ${s}.${quoteIdent(table)} from ${r}`);
    for (const table of appendOnly)
      await owner.query(`revoke update, delete, truncate on ${s}.${quoteIdent(table)} from ${r}`);
    // Events enter only through es_append (which checks revisions), not by INSERT.
    if (tables.some((t) => t.name === 'es_events')) await owner.query(`revoke insert on ${s}.es_events from ${r}`);
    const { rows: functions } = await owner.query<{ signature: string }>(
      `select p.oid::regprocedure::text as signature from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = $1 and p.proname = any($2)`,
      [schema, APPLICATION_FUNCTIONS],
    );
    for (const f of functions) await owner.query(`grant execute on function ${f.signature} to ${r}`);
    // Tables a later migration (or the owner by hand) creates are readable and writable at once; append-only ones are
    // narrowed by the next run of this function, which follows every migration run.
    await owner.query(
      `alter default privileges in schema ${s} grant select, insert, update, delete, truncate on tables to ${r}`,
    );
    await owner.query(`alter default privileges in schema ${s} grant usage, select on sequences to ${r}`);
    await owner.query('commit');
  } catch (error) {
    await owner.query('rollback').catch(() => undefined);
    throw error;
  }
}

/**
 * What the application's connection could do that it should not: a superuser, or a role that owns the event log,
 * can switch off its triggers and rewrite history. Empty when it is properly limited.
 */
export async function privilegeProblems(appUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: appUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{
      role: string;
      superuser: boolean;
      owns_events: boolean | null;
      can_update: boolean | null;
    }>(
      `select current_user as role, r.rolsuper as superuser,
              (select pg_has_role(current_user, c.relowner, 'USAGE') from pg_class c where c.oid = to_regclass('es_events')) as owns_events,
              (select has_table_privilege(c.oid, 'UPDATE') or has_table_privilege(c.oid, 'DELETE') or has_table_privilege(c.oid, 'TRUNCATE')
                 from pg_class c where c.oid = to_regclass('es_events')) as can_update
         from pg_roles r where r.rolname = current_user`,
    );
    const row = rows[0]!;
    const problems: string[] = [];
    if (row.superuser)
      problems.push(
        `the application connects as superuser "${row.role}", which can switch off the triggers that keep stored events unchangeable`,
      );
    else if (row.owns_events)
      problems.push(
        `the application role "${row.role}" owns the event store tables, so it could disable their triggers and rewrite history`,
      );
    else if (row.can_update)
      problems.push(`the application role "${row.role}" may update, delete or truncate stored events`);
    return problems;
  } finally {
    await client.end();
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
