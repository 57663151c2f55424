import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { etagOf } from './request-context';

/**
 * Reads of one aggregate (an incident, a team, a warehouse…) carry its `revision`, the number a change sends back
 * in `If-Match`: such a read answers it as a strong `ETag` (`"7"`, docs/api.md "Location, ETag and If-Match").
 * Recognised by the answer itself — a JSON object with a whole-number `revision` at its top — so a new aggregate's
 * read needs no wiring. No 304 to `If-None-Match`: a read also carries facts from outside the aggregate's stream
 * (a sensor's live value, a batch's days to expiry) that change while the revision does not.
 */
@Injectable()
export class RevisionETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.method !== 'GET' && request.method !== 'HEAD') return next.handle();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const revision = revisionOf(body);
        if (revision !== undefined) void reply.header('etag', etagOf(revision));
        return body;
      }),
    );
  }
}

/** The aggregate revision an answer carries at its top, if it is one (a whole number, never negative). */
export function revisionOf(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const revision = (body as { revision?: unknown }).revision;
  return typeof revision === 'number' && Number.isSafeInteger(revision) && revision >= 0 ? revision : undefined;
}
