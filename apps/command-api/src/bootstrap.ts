import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { useContainer } from 'class-validator';
import { randomUUID } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import { SecurityEvents, TokenService } from '@app/identity';
import {
  addressList,
  apiDocsPublic,
  asClientProblem,
  corsOrigins,
  createValidationPipe,
  DATABASE_RETRY_AFTER_SECONDS,
  KnownJurisdictionConstraint,
  BodyLimitsPipe,
  problem,
  PROBLEM_CONTENT_TYPE,
  ProblemDetailsFilter,
} from '@app/shared/nest';
import { ConfiguredIoAdapter } from './realtime/configured-io.adapter';
import { sessionLimits } from './infrastructure/session-limits';
import { problemClientErrorHandler } from './http/client-error.handler';
import { registerSecurityHeaders } from './http/security-headers';
import { serveConsole } from './console/serve-console';
import { METRICS, outcomeOf, type CommandApiMetrics } from './metrics/metrics';
import { Lifecycle } from './lifecycle/lifecycle';
import { createJsonLogger, PinoNestLogger } from './logging/json-logging';
import { anonymousRateLimitHook, RateLimiter } from './http/rate-limit';
import { AppModule, type CommandApiConfig } from './app.module';
import { TRACING, type Tracing } from './tracing/tracing';
import { traceHttpRequests } from './tracing/http-tracing';

/** Builds the HTTP + Socket.IO application (not yet listening). Used by main.ts and by the e2e tests. */
export async function createApp(config: CommandApiConfig): Promise<NestFastifyApplication> {
  const jsonLogger = logsAsJson(config) ? createJsonLogger(config.LOG_LEVEL) : undefined;
  const adapter = new FastifyAdapter({
    // With JSON logs, Fastify logs every request (method, URL, status, time) under its correlation id (`reqId`).
    ...(jsonLogger ? { loggerInstance: jsonLogger } : {}),
    bodyLimit: 1024 * 1024,
    // Every request gets a correlation id: the caller's, or a new one; errors and events carry it.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-correlation-id'];
      // Only a UUID or a short token of safe characters is taken as given: the id is stored in events and logs.
      return typeof given === 'string' &&
        /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9_-]{8,64})$/i.test(given)
        ? given
        : randomUUID();
    },
    // X-Forwarded-For counts only from the configured load balancers (TRUST_PROXY); otherwise the TCP peer is the
    // client, so a spoofed header can neither pick another rate-limit budget nor pass a METRICS_ALLOW check.
    trustProxy: addressList(config.TRUST_PROXY).length > 0 ? addressList(config.TRUST_PROXY) : false,
    clientErrorHandler: problemClientErrorHandler,
    // Errors Fastify raises before routing (a URL with broken percent-encoding) are problems too.
    frameworkErrors: (error: { code?: string }, _request: unknown, reply: FastifyReply) => {
      void reply
        .code(400)
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send(problem(400, error.code === 'FST_ERR_BAD_URL' ? 'MALFORMED_URL' : 'BAD_REQUEST', '请求地址格式错误'));
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    // No form-encoded body parser: the API speaks JSON only (see the content-type parsers below).
    bodyParser: false,
    logger: jsonLogger ? new PinoNestLogger(jsonLogger) : config.NODE_ENV === 'test' ? ['error', 'warn'] : undefined,
  });
  // Traces (docs/operations.md, "Traces"): the request's span first, so that it covers every hook registered below.
  const tracing = app.get<Tracing | null>(TRACING);
  if (tracing) traceHttpRequests(app.getHttpAdapter().getInstance(), tracing);
  app.setGlobalPrefix('api/v1', { exclude: ['health', 'health/live', 'health/ready', 'metrics'] });
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(new BodyLimitsPipe(), createValidationPipe());
  // The jurisdiction constraint needs the tree loaded at start; everything else class-validator builds itself
  // (asking Nest for an unknown class would abort the process).
  const knownJurisdictions = app.get(KnownJurisdictionConstraint);
  useContainer(
    { get: (type: unknown) => (type === KnownJurisdictionConstraint ? knownJurisdictions : undefined) },
    { fallback: true, fallbackOnErrors: true },
  );
  // Security headers and CSP (http/security-headers.ts). Map tiles come only from the configured tile server, if any.
  const tileOrigin = config.CONSOLE_TILE_URL
    ? new URL(config.CONSOLE_TILE_URL.replace(/\{[a-z]\}/g, '0')).origin
    : undefined;
  await registerSecurityHeaders(app.getHttpAdapter().getInstance(), { tileOrigin });
  // The refresh and remembered-browser cookies of sign-in (libs/identity, login.controller.ts).
  await app.register(fastifyCookie);
  const origins = corsOrigins(config);
  // No configured origin: no CORS headers at all, so only same-origin pages may call the API.
  if (origins.length > 0)
    app.enableCors({
      origin: origins,
      exposedHeaders: ['x-correlation-id', 'retry-after', 'x-total-count', 'x-open-count', 'link', 'location', 'etag'],
    });
  const ioLogger = new Logger('Realtime');
  app.useWebSocketAdapter(
    new ConfiguredIoAdapter(app, {
      origins,
      clusterDatabaseUrl: config.CLUSTER ? config.DATABASE_URL : undefined,
      sessionLimits: sessionLimits(config),
      log: (m) => ioLogger.warn(m),
    }),
  );
  const fastify = app.getHttpAdapter().getInstance();
  // The API speaks JSON only: every other body (text, form-encoded, multipart, anything) is refused with a 415
  // problem before it is parsed, instead of reaching validation as a string or a flat form object.
  fastify.removeAllContentTypeParsers();
  // Parser errors are turned into our own problems here: past this point Nest rewraps Fastify's errors and their codes
  // are lost (see asClientProblem).
  const json = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: 1024 * 1024 },
    (request, body, done) =>
      json(request, body as string, (error: Error | null, value?: unknown) =>
        error ? done(asClientProblem(error), undefined) : done(null, value),
      ),
  );
  fastify.addContentTypeParser('*', (request, _payload, done) =>
    done(unsupportedMediaType(request.headers['content-type']), undefined),
  );
  // Requests without a validly signed token, and sign-in, are counted against their address before anything else.
  fastify.addHook('onRequest', anonymousRateLimitHook(app.get(RateLimiter), app.get(TokenService)));
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-correlation-id', request.id);
  });
  // HTTP latency and command outcomes for /metrics, labelled by route pattern (not URL) to keep the series few.
  const metrics = app.get<CommandApiMetrics>(METRICS);
  // In-flight requests are counted so that a stopping process finishes them before it closes its connections.
  const lifecycle = app.get(Lifecycle);
  const counted = new WeakSet<object>();
  fastify.addHook('onRequest', async (request, reply) => {
    // Draining: a request that still arrives on an open keep-alive connection is sent elsewhere, with nothing done.
    if (lifecycle.draining && request.url !== '/health/live') {
      return reply
        .code(503)
        .header('connection', 'close')
        .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
        .header('content-type', PROBLEM_CONTENT_TYPE)
        .send(problem(503, 'SHUTTING_DOWN', '服务正在停机，请稍后重试'));
    }
    lifecycle.requestStarted();
    counted.add(request);
  });
  // async although nothing is awaited: fastify ends a hook that returns a promise, a plain one would have to call done.
  // eslint-disable-next-line @typescript-eslint/require-await -- see the line above
  const finished = async (request: object): Promise<void> => {
    if (counted.delete(request)) lifecycle.requestFinished();
  };
  fastify.addHook('onResponse', finished);
  // Refused writes, exports and replays go to the security event log from here, one place for every route.
  const securityEvents = app.get(SecurityEvents);
  fastify.addHook('onResponse', (request, reply) => securityEvents.observe(request, reply));
  fastify.addHook('onRequestAbort', finished);
  fastify.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    metrics.httpDuration.observe({ method: request.method, route, status: String(status) }, reply.elapsedTime / 1000);
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS')
      metrics.commands.inc({ route, outcome: outcomeOf(status) });
  });
  // API_DOCS=off (the production default) publishes neither the page nor the OpenAPI document.
  if (apiDocsPublic(config)) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('应急指挥调度系统 API')
        .setDescription(
          'Emergency command and dispatch: incidents, teams, supplies, plans, drills. Errors are application/problem+json.',
        )
        .setVersion('1')
        .build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  }
  await serveConsole(app, {
    dir: config.CONSOLE_DIR,
    tileUrl: config.CONSOLE_TILE_URL ?? null,
    timeZone: config.TIME_ZONE,
  });
  return app;
}

/** Any body that is not JSON: 415, answered as a problem by the filter (Fastify errors carry statusCode and code). */
function unsupportedMediaType(contentType: string | undefined): Error {
  return Object.assign(
    new Error(
      `请求体须为 JSON（Content-Type: application/json），不接受 ${String(contentType ?? '未声明的类型').slice(0, 80)}`,
    ),
    {
      statusCode: 415,
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    },
  );
}

/** JSON lines when asked, and by default in production (log collectors read them); Nest's text lines otherwise. */
export function logsAsJson(config: Pick<CommandApiConfig, 'LOG_FORMAT' | 'NODE_ENV'>): boolean {
  return config.LOG_FORMAT ? config.LOG_FORMAT === 'json' : config.NODE_ENV === 'production';
}
