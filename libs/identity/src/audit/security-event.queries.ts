import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withPageKeys } from '@app/shared/nest';
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
      /** The keys of the previous page's last row (docs/api.md, "Paging every list"): [minus µs of `at`, minus id]. */
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
      // Newest first: the rows before the cursor's (at, id), which the index on `at` serves as a range.
      const [negativeUs, negativeId] = query.after.map((k) => (-BigInt(k ?? '0')).toString());
      params.push(negativeUs, negativeId);
      where.push(
        `(at, id) < ('epoch'::timestamptz + $${params.length - 1}::bigint * interval '1 microsecond', $${params.length}::bigint)`,
      );
    }
    params.push(query.limit ?? 200);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `select id::text, (extract(epoch from at) * 1000000)::bigint::text as at_us, at, kind, user_id, username, session_id, jurisdiction, address, correlation_id, method, path, status, details
         from security_events where ${where.join(' and ')} order by at desc, id desc limit $${params.length}`,
      params,
    );
    return rows.map((r) =>
      withPageKeys<SecurityEventView>(
        {
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
        },
        [(-BigInt(String(r.at_us))).toString(), (-BigInt(String(r.id))).toString()],
      ),
    );
  }
}
