import { context, propagation, ROOT_CONTEXT, trace, type Context, type Span } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
  ATTR_URL_SCHEME,
} from '@opentelemetry/semantic-conventions';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SpanKind, SpanStatusCode, type Tracing } from './tracing';

/**
 * One SERVER span per HTTP request (semantic conventions: `{method} {route template}`, method, route, status), a child
 * of the caller's span when the request carries a W3C `traceparent`. Registered before every other hook, so the span
 * covers rate limiting, parsing, guards and the handler; the span is made current for the handler in `preHandler`
 * (after the body was read: body chunks arrive in the socket's async context, not the request's).
 */
export function traceHttpRequests(fastify: FastifyInstance, tracing: Tracing): void {
  const spans = new WeakMap<FastifyRequest, { span: Span; context: Context }>();
  fastify.addHook('onRequest', (request, _reply, done) => {
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const route = request.routeOptions.url;
    const span = tracing.tracer.startSpan(
      route ? `${request.method} ${route}` : request.method,
      {
        kind: SpanKind.SERVER,
        attributes: {
          [ATTR_HTTP_REQUEST_METHOD]: request.method,
          [ATTR_URL_PATH]: request.url.split('?')[0],
          [ATTR_URL_SCHEME]: request.protocol,
          ...(route ? { [ATTR_HTTP_ROUTE]: route } : {}),
          'correlation.id': request.id,
        },
      },
      parent,
    );
    const current = trace.setSpan(parent, span);
    spans.set(request, { span, context: current });
    context.with(current, done);
  });
  fastify.addHook('preHandler', (request, _reply, done) => {
    const traced = spans.get(request);
    if (traced) context.with(traced.context, done);
    else done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const traced = spans.get(request);
    if (traced) {
      spans.delete(request);
      traced.span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, reply.statusCode);
      // A server span is an error only for 5xx: a 4xx is the client's mistake, answered as designed.
      if (reply.statusCode >= 500) traced.span.setStatus({ code: SpanStatusCode.ERROR });
      traced.span.end();
    }
    done();
  });
  fastify.addHook('onRequestAbort', (request, done) => {
    const traced = spans.get(request);
    if (traced) {
      spans.delete(request);
      traced.span.setStatus({ code: SpanStatusCode.ERROR, message: 'aborted by the client' });
      traced.span.end();
    }
    done();
  });
}
