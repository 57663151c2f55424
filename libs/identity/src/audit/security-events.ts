import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';

export const SECURITY_EVENT_KINDS = [
  'sign_in',
  'sign_in_failed',
  'sign_in_delayed',
  'sign_out',
  'refresh',
  'refresh_refused',
  'refresh_reuse',
  'password_changed',
  'password_change_failed',
  'password_reset',
  'user_created',
  'user_updated',
  'user_enabled',
  'user_disabled',
  'request_refused',
  'export',
  'replay_started',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

export interface SecurityEvent {
  kind: SecurityEventKind;
  userId?: string | null;
  username?: string | null;
  sessionId?: string | null;
  jurisdiction?: string | null;
  details?: Record<string, unknown>;
}

/** Exports and replays: recognised by the route they were served on, so their own modules need not know of this log. */
function exportOf(route: string, reply: FastifyReply): string | undefined {
  if (route === '/api/v1/statistics')
    return /^text\/csv/.test(String(reply.getHeader('content-type') ?? '')) ? 'statistics_csv' : undefined;
  if (route === '/api/v1/drills/:id/evaluation/report' || route === '/api/v1/drills/:id/evaluation/document')
    return 'evaluation_report';
  if (route === '/api/v1/warnings/:id/cap') return 'cap';
  return undefined;
}
const REPLAY_ROUTE = /^\/api\/v1\/replays$/;
const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Refusals without a signed-in user are summed per address over this long and written as one row. */
export const ANONYMOUS_REFUSAL_WINDOW_MS = 60_000;
/** Addresses summed at once per process; refusals from further ones share one row without an address. */
const MAX_SUMMED_ADDRESSES = 10_000;

interface RefusalSum {
  address: string | null;
  since: Date;
  last: Date;
  count: number;
  /** The first refusal of the window, as an example of what was sent. */
  method: string;
  path: string;
  status: number;
  route: string | null;
  correlationId: string;
  statuses: Record<string, number>;
}

/**
 * The security event log (security_events, append-only, kept at least 180 days). Writing it must never fail the
 * request it describes: a failed insert is logged and dropped.
 */
@Injectable()
export class SecurityEvents implements OnModuleDestroy {
  private readonly logger = new Logger('SecurityEvents');
  private readonly anonymousRefusals = new Map<string, RefusalSum>();
  private readonly sweep: NodeJS.Timeout;

  constructor(private readonly dataSource: DataSource) {
    this.sweep = setInterval(() => void this.flushAnonymousRefusals(ANONYMOUS_REFUSAL_WINDOW_MS), 5_000);
    this.sweep.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.sweep);
    await this.flushAnonymousRefusals();
  }

  async record(event: SecurityEvent, request?: FastifyRequest): Promise<void> {
    try {
      await this.dataSource.query(
        `insert into security_events (kind, user_id, username, session_id, jurisdiction, address, correlation_id, method, path, status, details)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          event.kind,
          event.userId ?? null,
          event.username ?? null,
          event.sessionId ?? null,
          event.jurisdiction ?? null,
          request?.ip ?? null,
          request ? String(request.id) : null,
          request?.method ?? null,
          request ? pathOf(request) : null,
          null,
          JSON.stringify(event.details ?? {}),
        ],
      );
    } catch (error) {
      this.logger.warn(
        `security event ${event.kind} not recorded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /**
   * Called for every response (a Fastify onResponse hook): refused mutations (401/403/404), exports and replays
   * started are recorded here, in one place, rather than by each endpoint.
   */
  async observe(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const route = request.routeOptions?.url;
    const status = reply.statusCode;
    const what = status < 300 && request.method === 'GET' && route ? exportOf(route, reply) : undefined;
    const kind =
      MUTATIONS.has(request.method) && (status === 401 || status === 403 || status === 404) && !isSignIn(route)
        ? 'request_refused'
        : what
          ? 'export'
          : status < 300 && request.method === 'POST' && route && REPLAY_ROUTE.test(route)
            ? 'replay_started'
            : undefined;
    if (!kind) return;
    const actor = request.actor;
    if (kind === 'request_refused' && !actor) {
      this.sumAnonymousRefusal(request, status, route);
      return;
    }
    try {
      await this.dataSource.query(
        `insert into security_events (kind, user_id, username, session_id, jurisdiction, address, correlation_id, method, path, status, details)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          kind,
          actor?.userId ?? null,
          actor?.username ?? null,
          actor?.sessionId ?? null,
          actor?.jurisdiction ?? null,
          request.ip,
          String(request.id),
          request.method,
          pathOf(request),
          status,
          JSON.stringify({ route: route ?? null, ...(what ? { export: what } : {}) }),
        ],
      );
    } catch (error) {
      this.logger.warn(
        `security event ${kind} not recorded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /**
   * Anyone can send refused requests without signing in (a made-up token, no token, an unknown route), and the log
   * keeps every row for 180 days: writing one row each would let an outsider fill it. So they are summed per client
   * address, and each address's window becomes one row (`details.count`, `details.statuses`, `details.from`/`to`)
   * when it ends. With the per-address rate limit before it this writes at most one row per address, minute and API
   * process. Refusals of signed-in users stay one row each: those are bounded by the per-user limit and name a user.
   */
  private sumAnonymousRefusal(request: FastifyRequest, status: number, route: string | undefined): void {
    const now = new Date();
    const known = this.anonymousRefusals.get(request.ip);
    const key = known || this.anonymousRefusals.size < MAX_SUMMED_ADDRESSES ? request.ip : '';
    const sum = this.anonymousRefusals.get(key) ?? {
      address: key === '' ? null : request.ip,
      since: now,
      last: now,
      count: 0,
      method: request.method,
      path: pathOf(request),
      status,
      route: route ?? null,
      correlationId: String(request.id),
      statuses: {},
    };
    sum.count += 1;
    sum.last = now;
    sum.statuses[String(status)] = (sum.statuses[String(status)] ?? 0) + 1;
    this.anonymousRefusals.set(key, sum);
  }

  /**
   * Writes the summed refusals whose window is at least `olderThanMs` old (all of them by default, as on shutdown):
   * one `request_refused` row per address, with the first refusal's request and the count of the window.
   */
  async flushAnonymousRefusals(olderThanMs = 0): Promise<void> {
    const due: RefusalSum[] = [];
    const now = Date.now();
    for (const [key, sum] of this.anonymousRefusals) {
      if (now - sum.since.getTime() < olderThanMs) continue;
      this.anonymousRefusals.delete(key);
      due.push(sum);
    }
    for (const sum of due) {
      try {
        await this.dataSource.query(
          `insert into security_events (kind, address, correlation_id, method, path, status, details)
           values ('request_refused', $1, $2, $3, $4, $5, $6)`,
          [
            sum.address,
            sum.correlationId,
            sum.method,
            sum.path,
            sum.status,
            JSON.stringify({
              route: sum.route,
              anonymous: true,
              count: sum.count,
              statuses: sum.statuses,
              from: sum.since.toISOString(),
              to: sum.last.toISOString(),
            }),
          ],
        );
      } catch (error) {
        this.logger.warn(
          `${sum.count} refused anonymous requests not recorded: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
}

/** Sign-in and renewal record their own, more precise events. */
function isSignIn(route: string | undefined): boolean {
  return route === '/api/v1/auth/login' || route === '/api/v1/auth/refresh';
}

/** The path without its query string, cut short: a hostile URL must not bloat the log. */
function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0]!.slice(0, 300);
}
