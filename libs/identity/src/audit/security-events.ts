import { Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';

export const SECURITY_EVENT_KINDS = [
  'sign_in', 'sign_in_failed', 'sign_in_delayed', 'sign_out', 'refresh', 'refresh_refused', 'refresh_reuse',
  'password_changed', 'password_change_failed', 'password_reset', 'user_created', 'user_updated', 'user_enabled', 'user_disabled',
  'request_refused', 'export', 'replay_started',
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
  if (route === '/api/v1/statistics') return /^text\/csv/.test(String(reply.getHeader('content-type') ?? '')) ? 'statistics_csv' : undefined;
  if (route === '/api/v1/drills/:id/evaluation/report') return 'evaluation_report';
  if (route === '/api/v1/warnings/:id/cap') return 'cap';
  return undefined;
}
const REPLAY_ROUTE = /^\/api\/v1\/replays$/;
const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The security event log (security_events, append-only, kept at least 180 days). Writing it must never fail the
 * request it describes: a failed insert is logged and dropped.
 */
@Injectable()
export class SecurityEvents {
  private readonly logger = new Logger('SecurityEvents');

  constructor(private readonly dataSource: DataSource) {}

  async record(event: SecurityEvent, request?: FastifyRequest): Promise<void> {
    try {
      await this.dataSource.query(
        `insert into security_events (kind, user_id, username, session_id, jurisdiction, address, correlation_id, method, path, status, details)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          event.kind, event.userId ?? null, event.username ?? null, event.sessionId ?? null, event.jurisdiction ?? null,
          request?.ip ?? null, request ? String(request.id) : null, request?.method ?? null, request ? pathOf(request) : null,
          null, JSON.stringify(event.details ?? {}),
        ],
      );
    } catch (error) {
      this.logger.warn(`security event ${event.kind} not recorded: ${error instanceof Error ? error.message : String(error)}`);
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
    const kind = MUTATIONS.has(request.method) && (status === 401 || status === 403 || status === 404) && !isSignIn(route)
      ? 'request_refused'
      : what
        ? 'export'
        : status < 300 && request.method === 'POST' && route && REPLAY_ROUTE.test(route)
          ? 'replay_started'
          : undefined;
    if (!kind) return;
    const actor = request.actor;
    try {
      await this.dataSource.query(
        `insert into security_events (kind, user_id, username, session_id, jurisdiction, address, correlation_id, method, path, status, details)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          kind, actor?.userId ?? null, actor?.username ?? null, actor?.sessionId ?? null, actor?.jurisdiction ?? null, request.ip, String(request.id),
          request.method, pathOf(request), status, JSON.stringify({ route: route ?? null, ...(what ? { export: what } : {}) }),
        ],
      );
    } catch (error) {
      this.logger.warn(`security event ${kind} not recorded: ${error instanceof Error ? error.message : String(error)}`);
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
