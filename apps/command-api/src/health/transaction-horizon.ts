import type { DataSource } from 'typeorm';

/**
 * The transaction that holds back the event store's global readers, and for how long.
 *
 * Readers of the PostgreSQL event store only see events of transactions older than the oldest transaction still
 * running in the cluster (`pg_snapshot_xmin(pg_current_snapshot())`, docs/adr/0001): while one transaction stays
 * open, no projection, no read-your-writes wait and no live delta gets past it. That transaction is the one whose
 * transaction id (`backend_xid`) equals the horizon — a session of pg_stat_activity, or a forgotten prepared
 * transaction. Read-only transactions have no transaction id and do not hold this horizon.
 *
 * What pg_stat_activity shows depends on the role: sessions of other roles show their pid, role, database,
 * application name and transaction id, but not their state or start times, unless the role has `pg_read_all_stats`
 * (part of `pg_monitor`, docs/operations.md). Then the age is measured from when this process first saw that
 * transaction holding the horizon: a lower bound, marked `measuredFrom: 'first-seen'`.
 */
export interface OldestTransaction {
  /** The backend's process id (what `pg_terminate_backend` takes); null for a prepared transaction. */
  pid: number | null;
  applicationName: string | null;
  /** The role it connected as (null when even that is hidden). */
  user: string | null;
  database: string | null;
  /** `active`, `idle in transaction`, …; null when the role may not see it (or for a prepared transaction). */
  state: string | null;
  /** First keyword of its current statement (`SELECT`, `UPDATE`, …), never the statement itself. */
  command: string | null;
  /** Its transaction id (the horizon). */
  transactionId: string;
  /** When the transaction began (null when hidden: then the age counts from `firstSeenAt`). */
  startedAt: string | null;
  firstSeenAt: string;
  ageSeconds: number;
  measuredFrom: 'transaction-start' | 'first-seen';
  /** The global transaction id of a prepared (two-phase) transaction holding the horizon. */
  preparedAs: string | null;
}

export interface HorizonSample {
  oldest: OldestTransaction | null;
  /** Transactions begun since the horizon (how far writers are ahead of what readers may see). */
  transactionsBehind: number;
  /** Sessions idle inside a transaction, among those the role may see the state of. */
  idleInTransaction: number;
}

interface Row {
  horizon: string;
  behind: string;
  idle_in_transaction: number;
  pid: number | null;
  application_name: string | null;
  usename: string | null;
  datname: string | null;
  state: string | null;
  command: string | null;
  xact_start: Date | null;
  age: number | null;
  gid: string | null;
  prepared: Date | null;
  prepared_age: number | null;
}

/**
 * One statement, read-only (it takes no transaction id, so it never holds the horizon itself). `xid8::xid` keeps the
 * low 32 bits, which is how pg_stat_activity and pg_prepared_xacts show transaction ids.
 */
const SAMPLE = `
  with h as (select pg_snapshot_xmin(s) as horizon, pg_snapshot_xmax(s) as next from pg_current_snapshot() s)
  select h.horizon::text as horizon,
         (h.next::text::numeric - h.horizon::text::numeric)::text as behind,
         (select count(*)::int from pg_stat_activity where state like 'idle in transaction%') as idle_in_transaction,
         a.pid, a.application_name, a.usename, a.datname, a.state,
         upper(substring(a.query from '^\\s*([A-Za-z]+)')) as command,
         a.xact_start, extract(epoch from clock_timestamp() - a.xact_start)::float8 as age,
         p.gid, p.prepared, extract(epoch from clock_timestamp() - p.prepared)::float8 as prepared_age
    from h
    left join lateral (
      select * from pg_stat_activity x
       where h.horizon < h.next and x.backend_xid = h.horizon::xid
       order by x.leader_pid nulls first limit 1) a on true
    left join pg_prepared_xacts p on h.horizon < h.next and a.pid is null and p.transaction = h.horizon::xid`;

export class TransactionHorizon {
  /** The holder last seen, and since when, for ages the role may not read from pg_stat_activity. */
  private seen: { key: string; since: Date } | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async sample(): Promise<HorizonSample> {
    const rows = (await this.dataSource.query(SAMPLE)) as Row[];
    const row = rows[0]!;
    const base = { transactionsBehind: Number(row.behind), idleInTransaction: row.idle_in_transaction };
    if (Number(row.behind) <= 0) {
      this.seen = undefined;
      return { ...base, oldest: null };
    }
    const now = this.now();
    const key = `${row.pid ?? row.gid ?? '?'}:${row.horizon}`;
    if (this.seen?.key !== key) this.seen = { key, since: now };
    const firstSeenAge = (now.getTime() - this.seen.since.getTime()) / 1000;
    const startedAt = row.xact_start ?? row.prepared;
    const knownAge = row.age ?? row.prepared_age;
    const oldest: OldestTransaction = {
      pid: row.pid,
      applicationName: row.application_name,
      user: row.usename,
      database: row.datname,
      state: row.state,
      command: row.command,
      transactionId: row.horizon,
      startedAt: startedAt ? startedAt.toISOString() : null,
      firstSeenAt: this.seen.since.toISOString(),
      ageSeconds: Math.max(0, Math.round((knownAge ?? firstSeenAge) * 10) / 10),
      measuredFrom: knownAge === null ? 'first-seen' : 'transaction-start',
      preparedAs: row.gid,
    };
    return { ...base, oldest };
  }
}

export const TRANSACTION_HORIZON = Symbol('TRANSACTION_HORIZON');
