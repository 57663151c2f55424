import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SecurityEventKind } from './security-events';

export interface SecurityEventView {
  id: string;
  at: string;
  kind: string;
  userId: string | null;
  username: string | null;
  sessionId: string | null;
  jurisdiction: string | null;
  address: string | null;
  correlationId: string | null;
  method: string | null;
  path: string | null;
  status: number | null;
  details: Record<string, unknown>;
}

/**
 * The security event log, newest first: sign-ins, failures and delays, renewals, refresh reuse, sign-outs, password
 * and access changes, refused writes, exports, replays. An administrator sees the events of its jurisdictions and
 * those that have none (failures for unknown names, requests without a signed-in user).
 */
/** Newest first, by the millisecond the view shows, then the newer id: both as ascending keys, as cursors compare them. */
const SECURITY_ORDER_KEYS = `-paging_epoch_ms(at), -id`;

@Injectable()
export class SecurityEventQueries {
  constructor(private readonly dataSource: DataSource) {}

  async read(
    query: {
      from?: string;
      to?: string;
      userId?: string;
      kind?: SecurityEventKind;
      limit?: number;
      /** The keys of the previous page's last row (docs/api.md, "Paging every list"): [minus ms of `at`, minus id]. */
      after?: readonly (string | null)[] | null;
    },
    scope: readonly string[],
  ): Promise<SecurityEventView[]> {
    const where = ['(jurisdiction is null or jurisdiction = any($1))'];
    const params: unknown[] = [scope];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      where.push(clause.replace('?', `$${params.length}`));
    };
    if (query.from) add('at >= ?', new Date(query.from));
    if (query.to) add('at < ?', new Date(query.to));
    if (query.userId) add('user_id = ?', query.userId);
    if (query.kind) add('kind = ?', query.kind);
    if (query.after) {
      // The order's keys, newest first as ascending numbers; the plain bound on `at` lets the index on it serve the page.
      const [negativeMs, negativeId] = query.after;
      add('at < ?', new Date(-Number(negativeMs) + 1));
      params.push(negativeMs, negativeId);
      where.push(`(${SECURITY_ORDER_KEYS}) > ($${params.length - 1}::bigint, $${params.length}::bigint)`);
    }
    params.push(query.limit ?? 200);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `select id::text, at, kind, user_id, username, session_id, jurisdiction, address, correlation_id, method, path, status, details
         from security_events where ${where.join(' and ')} order by ${SECURITY_ORDER_KEYS} limit $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      id: String(r.id),
      at: (r.at as Date).toISOString(),
      kind: String(r.kind),
      userId: (r.user_id as string) ?? null,
      username: (r.username as string) ?? null,
      sessionId: (r.session_id as string) ?? null,
      jurisdiction: (r.jurisdiction as string) ?? null,
      address: (r.address as string) ?? null,
      correlationId: (r.correlation_id as string) ?? null,
      method: (r.method as string) ?? null,
      path: (r.path as string) ?? null,
      status: (r.status as number) ?? null,
      details: (r.details as Record<string, unknown>) ?? {},
    }));
  }
}
