import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { problem, PROBLEM_CONTENT_TYPE } from '@app/shared/nest';

export const RATE_LIMIT_OPTIONS = Symbol('RATE_LIMIT_OPTIONS');

export interface RateLimitOptions {
  /** RATE_LIMIT_PER_MINUTE: per signed-in user. */
  perUser: number;
  /** RATE_LIMIT_ANONYMOUS_PER_MINUTE: per client address, for requests without a validly signed token. */
  perAddress: number;
  /**
   * RATE_LIMIT_SIGN_IN_PER_MINUTE: per client address, for sign-in, renewal and sign-out only. A budget of their
   * own, so an anonymous flood of other endpoints from a shared (NAT) address cannot stop consoles from renewing.
   */
  perAddressSignIn: number;
  /**
   * RATE_LIMIT_DEVICE_PER_MINUTE: per client address, for gateways posting readings (`X-Device-Key`, no user token).
   * A budget of their own: a park's gateways behind one address post far more often than people sign in.
   */
  perAddressDevice?: number;
}

/** One window per key, opened by its first request; the counters live in PostgreSQL (`rate_limit_hits`) so that every API process counts together. */
const WINDOW_MS = 60_000;

export type Verdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Counts requests per key (`user:<id>`, `ip:<address>`) and minute (from the key's first request) in one table shared by all API processes, with one
 * atomic upsert per request: two processes behind a load balancer enforce one budget, not one each. A key found over
 * its budget is also remembered in this process until its window ends, so a flood that goes on costs no further
 * database work. While the database cannot be reached the limiter lets requests through: they fail on their own then
 * (503), and a limiter must not turn a database blip into a lock-out.
 */
@Injectable()
export class RateLimiter implements OnModuleDestroy {
  private readonly logger = new Logger('RateLimit');
  private readonly blockedUntil = new Map<string, number>();
  private readonly sweep: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(RATE_LIMIT_OPTIONS) readonly options: RateLimitOptions,
  ) {
    // Windows older than the previous one are no longer read; any process may remove them (idempotent).
    this.sweep = setInterval(() => {
      this.dataSource
        .query(
          `delete from rate_limit_hits where window_start < now() - make_interval(secs => $1::float8 / 1000 * 2)`,
          [WINDOW_MS],
        )
        .catch(() => undefined);
      const now = Date.now();
      for (const [key, until] of this.blockedUntil) if (until <= now) this.blockedUntil.delete(key);
    }, WINDOW_MS);
    this.sweep.unref();
  }

  async consume(key: string, limit: number): Promise<Verdict> {
    const until = this.blockedUntil.get(key);
    if (until !== undefined) {
      const left = until - Date.now();
      if (left > 0) return { allowed: false, retryAfterMs: left };
      this.blockedUntil.delete(key);
    }
    let row: { hits: number; ms_left: string } | undefined;
    try {
      // A key's window opens with its first request and lasts WINDOW_MS by the database's clock, which all processes
      // share; the upsert either counts into it or opens the next one, atomically.
      [row] = (await this.dataSource.query(
        `insert into rate_limit_hits as r (key, window_start, hits) values ($1, now(), 1)
         on conflict (key) do update set
           hits = case when r.window_start <= now() - make_interval(secs => $2::float8 / 1000) then 1 else r.hits + 1 end,
           window_start = case when r.window_start <= now() - make_interval(secs => $2::float8 / 1000) then now() else r.window_start end
         returning r.hits, ceil(extract(epoch from r.window_start + make_interval(secs => $2::float8 / 1000) - now()) * 1000)::bigint::text as ms_left`,
        [key, WINDOW_MS],
      )) as Array<{ hits: number; ms_left: string }>;
    } catch (error) {
      this.logger.warn(`rate limit not checked (${error instanceof Error ? error.message : String(error)})`);
      return { allowed: true };
    }
    if (!row || row.hits <= limit) return { allowed: true };
    const retryAfterMs = Math.max(1, Number(row.ms_left));
    this.blockedUntil.set(key, Date.now() + retryAfterMs);
    return { allowed: false, retryAfterMs };
  }

  onModuleDestroy(): void {
    clearInterval(this.sweep);
  }
}

/** 429 with Retry-After (the problem filter reads `retryAfterMs`). */
export class RateLimitedException extends HttpException {
  constructor(readonly retryAfterMs: number) {
    super(LIMITED_DETAIL, HttpStatus.TOO_MANY_REQUESTS);
  }
}

const LIMITED_DETAIL = '请求过于频繁，请稍后再试';

/** Requests the limiter looks at: the API, health and metrics. The console's static files are not limited. */
function limitedUrl(url: string): boolean {
  return url.startsWith('/api/') || url.startsWith('/health') || url.startsWith('/metrics');
}

/** Sign-in, renewal and sign-out: counted against their address in a budget of their own. */
const SIGN_IN_PATHS = new Set(['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout']);

/** Gateways' readings: counted against their address in a budget of their own. */
const DEVICE_PATHS = new Set(['/api/v1/monitoring/readings']);

function bearerOf(request: FastifyRequest): string | undefined {
  return /^\s*Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
}

/** The signature check only (keys are held in memory): whether the session is still live is the guard's business. */
export interface BearerCheck {
  verify(token: string): Promise<unknown>;
}

const countedByAddress = new WeakSet<object>();

/**
 * Fastify `onRequest`, before body parsing, routing and any session lookup. Sign-in, renewal and sign-out count
 * against their client address (the TCP peer, or X-Forwarded-For from a TRUST_PROXY proxy) in a budget of their own.
 * Every other request counts against its address too unless it carries a token whose signature checks out (no
 * database work): a made-up bearer header buys no exemption. A validly signed request is judged after
 * authentication by `UserRateLimitInterceptor`, against its user; so an anonymous flood from one address costs at
 * most one upsert per request and locks neither a signed-in commander nor a renewing console out.
 */
export function anonymousRateLimitHook(limiter: RateLimiter, tokens: BearerCheck) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!limitedUrl(request.url)) return;
    const path = request.url.split('?')[0]!;
    let verdict: Verdict;
    if (SIGN_IN_PATHS.has(path)) {
      verdict = await limiter.consume(`sign-in:${request.ip}`, limiter.options.perAddressSignIn);
    } else if (DEVICE_PATHS.has(path) && limiter.options.perAddressDevice !== undefined) {
      verdict = await limiter.consume(`device:${request.ip}`, limiter.options.perAddressDevice);
    } else {
      const token = bearerOf(request);
      if (token !== undefined && (await tokens.verify(token)) !== undefined) return;
      verdict = await limiter.consume(`ip:${request.ip}`, limiter.options.perAddress);
    }
    countedByAddress.add(request);
    if (verdict.allowed) return;
    await reply
      .code(429)
      .header('retry-after', String(Math.ceil(verdict.retryAfterMs / 1000)))
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send({
        ...problem(429, 'TOO_MANY_REQUESTS', LIMITED_DETAIL),
        correlationId: String(request.id),
        instance: request.url,
      });
  };
}

/**
 * Runs after the guards: a signed-in request counts against its user (whichever address or process it comes
 * through), so two users never share a budget and consoles behind one proxy do not either. A request without an actor
 * that the address hook did not count already counts against its address here.
 */
@Injectable()
export class UserRateLimitInterceptor implements NestInterceptor {
  constructor(private readonly limiter: RateLimiter) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const verdict = request.actor
      ? await this.limiter.consume(`user:${request.actor.userId}`, this.limiter.options.perUser)
      : countedByAddress.has(request)
        ? ({ allowed: true } as const)
        : await this.limiter.consume(`ip:${request.ip}`, this.limiter.options.perAddress);
    if (!verdict.allowed) throw new RateLimitedException(verdict.retryAfterMs);
    return next.handle();
  }
}
