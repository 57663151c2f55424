import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, formatPosition, type EventStore, type Position, type RecordedEvent } from '@app/event-store';
import { withPageKeys } from '@app/shared/nest';
import { AUTH_OPTIONS, type AuthOptions } from '../auth/token.service';

const PAGE = 1000;

export interface AuditEntry {
  position: string;
  stream: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  actorId: string;
  actorName: string | null;
  actorRoles: string[];
  jurisdiction: string | null;
  correlationId: string;
  drillId: string | null;
}

/**
 * The audit trail is read from the event store itself (the truth), not from a read model that could be rebuilt
 * differently; events outside the administrator's jurisdictions are left out. On PostgreSQL the filters go to the
 * database, which serves them from indexes on recorded_at and on the actor (migration 1732000001500) instead of the
 * whole log being walked; on another store the log is walked in order.
 */
@Injectable()
export class AuditTrailQueries {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
    @Optional() @Inject(AUTH_OPTIONS) private readonly options?: AuthOptions,
  ) {}

  async read(
    query: {
      actor?: string;
      from?: string;
      to?: string;
      limit?: number;
      /** The keys of the previous page's last row (docs/api.md, "Paging every list"): [µs of recordedAt, prepare]. */
      after?: readonly (string | null)[] | null;
    },
    scope: readonly string[],
  ): Promise<AuditEntry[]> {
    const limit = query.limit ?? 200;
    if (this.options?.eventLogInPostgres) {
      const { text, params } = auditQuery({
        actor: query.actor,
        from: query.from,
        to: query.to,
        scope,
        limit,
        after: query.after ?? null,
      });
      const rows: Array<Record<string, unknown>> = await this.dataSource.query(text, params);
      return rows.map(rowToEntry);
    }
    const from = query.from ? Date.parse(query.from) : -Infinity;
    const to = query.to ? Date.parse(query.to) : Infinity;
    const entries: AuditEntry[] = [];
    let after: Position | undefined;
    for (;;) {
      const page = await this.store.readAll({ ...(after ? { after } : {}), maxCount: PAGE });
      for (const event of page) {
        if (matches(event, query.actor, from, to, scope) && isAfter(event, query.after)) entries.push(toEntry(event));
        if (entries.length >= limit) return entries;
      }
      if (page.length < PAGE) return entries;
      after = page[page.length - 1]!.position;
    }
  }
}

/**
 * GET /audit as one SQL statement over es_events, in log order. Only the filters given become conditions, so the
 * planner sees plain comparisons it can answer from the recorded_at and actor indexes.
 */
export function auditQuery(filters: {
  actor?: string;
  from?: string;
  to?: string;
  scope: readonly string[];
  limit: number;
  after?: readonly (string | null)[] | null;
}): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const where: string[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filters.from) where.push(`e.recorded_at >= ${param(new Date(filters.from))}`);
  if (filters.to) where.push(`e.recorded_at < ${param(new Date(filters.to))}`);
  if (filters.after) {
    const [us, prepare] = filters.after;
    // The log order's own columns: a range of the index on (recorded_at, global_position), exact to the microsecond.
    where.push(
      `(e.recorded_at, e.global_position) > ('epoch'::timestamptz + ${param(us)}::bigint * interval '1 microsecond', ${param(prepare)}::bigint)`,
    );
  }
  where.push(
    `(jsonb_typeof(e.metadata -> 'jurisdiction') is distinct from 'string' or e.metadata ->> 'jurisdiction' = any(${param([...filters.scope])}))`,
  );
  const columns = `(extract(epoch from e.recorded_at) * 1000000)::bigint::text as recorded_us, e.global_position::text as position_prepare, e.transaction_id::text as position_commit, e.stream_name, e.event_type, e.metadata, e.recorded_at`;
  const order = `order by e.recorded_at, e.global_position limit ${param(filters.limit)}`;
  if (filters.actor === undefined)
    return { text: `select ${columns} from es_events e where ${where.join(' and ')} ${order}`, params };
  // An actor is named by id or by sign-in name. One condition with "or" cannot follow either index in log order, and
  // the planner then walks the whole log by time and filters; two ordered branches, each a range of its own index
  // (migration 1732000003620), each cut to the page, merged, read only the actor's rows.
  const actor = param(filters.actor);
  const byId = `select ${columns} from es_events e where e.metadata ->> 'actorId' = ${actor} and ${where.join(' and ')} ${order}`;
  const byName = `select ${columns} from es_events e where e.metadata ->> 'actorName' = ${actor} and (e.metadata ->> 'actorId') is distinct from ${actor} and ${where.join(' and ')} ${order}`;
  return {
    text: `select * from ((${byId}) union all (${byName})) a order by a.recorded_at, a.position_prepare::bigint limit ${param(filters.limit)}`,
    params,
  };
}

function rowToEntry(row: Record<string, unknown>): AuditEntry {
  const metadata = row.metadata as RecordedEvent['metadata'];
  const entry = toEntry({
    id: '',
    type: String(row.event_type),
    streamName: String(row.stream_name),
    revision: 0n,
    data: null,
    metadata,
    position: { commit: BigInt(String(row.position_commit)), prepare: BigInt(String(row.position_prepare)) },
    recordedAt: row.recorded_at as Date,
  });
  // The database keeps microseconds; the entry shows milliseconds: the page's keys are the exact ones.
  return withPageKeys(entry, [String(row.recorded_us), String(row.position_prepare)]);
}

/** Whether an event comes after the cursor's keys, on a store walked in log order. */
function isAfter(event: RecordedEvent, after: readonly (string | null)[] | null | undefined): boolean {
  if (!after) return true;
  const us = BigInt(event.recordedAt.getTime()) * 1000n;
  const [afterUs, afterPrepare] = [BigInt(after[0] ?? '0'), BigInt(after[1] ?? '0')];
  return us > afterUs || (us === afterUs && event.position.prepare > afterPrepare);
}

function matches(
  event: RecordedEvent,
  actor: string | undefined,
  from: number,
  to: number,
  scope: readonly string[],
): boolean {
  const m = event.metadata;
  if (actor !== undefined && m.actorId !== actor && m.actorName !== actor) return false;
  const at = event.recordedAt.getTime();
  if (at < from || at >= to) return false;
  return typeof m.jurisdiction !== 'string' || scope.includes(m.jurisdiction);
}

function toEntry(event: RecordedEvent): AuditEntry {
  const m = event.metadata;
  return {
    position: formatPosition(event.position),
    stream: event.streamName,
    type: event.type,
    occurredAt: m.occurredAt,
    recordedAt: event.recordedAt.toISOString(),
    actorId: m.actorId,
    actorName: typeof m.actorName === 'string' ? m.actorName : null,
    actorRoles: Array.isArray(m.actorRoles) ? m.actorRoles.map(String) : [],
    jurisdiction: typeof m.jurisdiction === 'string' ? m.jurisdiction : null,
    correlationId: m.correlationId,
    drillId: typeof m.drillId === 'string' ? m.drillId : null,
  };
}
