import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EventStoreUnavailableError } from '@app/event-store';
import { DomainError, type DomainErrorKind } from '../errors/domain-error';
import { problem, PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem-details';
import { RequestValidationError } from './validation';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = { invalid: 400, forbidden: 403, not_found: 404, conflict: 409, rule: 422 };

/**
 * The one exception filter: domain errors by kind, validation by field, framework errors by status, and anything
 * unexpected as a logged 500 problem that names the correlation id but leaks nothing internal.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') return;
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const correlationId = String(request.id);
    const body = { ...this.toProblem(exception, correlationId), correlationId, instance: request.url };
    const retryAfterMs = body.status === 503 && isUnavailable(exception) ? DATABASE_RETRY_AFTER_SECONDS * 1000 : retryAfterOf(exception);
    if (retryAfterMs !== undefined) void reply.header('retry-after', String(Math.ceil(retryAfterMs / 1000)));
    void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }

  private toProblem(exception: unknown, correlationId: string): ProblemDetails {
    if (exception instanceof RequestValidationError) {
      return problem(400, 'VALIDATION_FAILED', '请求内容未通过校验', { errors: exception.errors });
    }
    if (exception instanceof DomainError) {
      return problem(STATUS_BY_KIND[exception.kind], exception.code, exception.message, exception.details ? { details: exception.details } : {});
    }
    if (exception instanceof EventStoreUnavailableError) {
      return problem(503, 'EVENT_STORE_UNAVAILABLE', '事件存储暂不可用，请稍后重试');
    }
    // The database (read models, or the user store behind every token check) is down or restarting. A command that
    // committed just before may still have been applied: clients retry with the same Idempotency-Key.
    if (isDatabaseUnavailable(exception)) {
      return problem(503, 'DATABASE_UNAVAILABLE', '数据库暂不可用，请稍后重试');
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (isFastifyClientError(exception)) {
      return problem(exception.statusCode, fastifyCode(exception), exception.message);
    }
    this.logger.error(`unexpected error [${correlationId}]: ${exception instanceof Error ? exception.stack : String(exception)}`);
    return problem(500, 'INTERNAL_ERROR', `服务器内部错误，请联系值班运维并提供关联编号 ${correlationId}`);
  }
}

function isUnavailable(exception: unknown): boolean {
  return exception instanceof EventStoreUnavailableError || isDatabaseUnavailable(exception);
}

/** An error that knows when the client may try again (a locked sign-in) carries `retryAfterMs`. */
function retryAfterOf(exception: unknown): number | undefined {
  const value = typeof exception === 'object' && exception !== null ? (exception as { retryAfterMs?: unknown }).retryAfterMs : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

function fromHttpException(exception: HttpException): ProblemDetails {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message = typeof response === 'object' && response && 'message' in response ? String((response as { message: unknown }).message) : exception.message;
  return problem(status, HTTP_CODES[status] ?? `HTTP_${status}`, message);
}

interface FastifyClientError {
  statusCode: number;
  code?: string;
  message: string;
}

/** Fastify's own errors (bad JSON, wrong content type, body too large) are the client's fault: 4xx. */
function isFastifyClientError(error: unknown): error is FastifyClientError {
  if (typeof error !== 'object' || error === null) return false;
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function fastifyCode(error: FastifyClientError): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'BODY_TOO_LARGE';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'MALFORMED_JSON';
    default:
      return HTTP_CODES[error.statusCode] ?? `HTTP_${error.statusCode}`;
  }
}
