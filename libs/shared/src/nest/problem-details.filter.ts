import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EventStoreAccessDeniedError, EventStoreUnavailableError } from '@app/event-store';
import { DomainError, type DomainErrorKind } from '../errors/domain-error';
import { parseIfMatch } from './request-context';
import { PreparedAnswer } from './prepared-answer';
import { problem, PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem-details';
import { RequestValidationError } from './validation';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, isStatementCancelled } from './database-unavailable';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
};

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
    if (exception instanceof PreparedAnswer) {
      void reply.status(exception.status).headers(exception.headers).send(exception.body);
      return;
    }
    const body = { ...this.toProblem(exception, correlationId, request), correlationId, instance: request.url };
    const retryAfterMs =
      body.status === 503 && isUnavailable(exception) ? DATABASE_RETRY_AFTER_SECONDS * 1000 : retryAfterOf(exception);
    if (retryAfterMs !== undefined) void reply.header('retry-after', String(Math.ceil(retryAfterMs / 1000)));
    void reply.status(body.status).header('content-type', PROBLEM_CONTENT_TYPE).send(body);
  }

  private toProblem(exception: unknown, correlationId: string, request: FastifyRequest): ProblemDetails {
    const refusal = refusalOf(exception, request);
    if (refusal) return refusal;
    if (exception instanceof EventStoreUnavailableError) {
      return problem(503, 'EVENT_STORE_UNAVAILABLE', '事件存储暂不可用，请稍后重试');
    }
    if (exception instanceof EventStoreAccessDeniedError) {
      // The store's users or permissions are misconfigured: the operator must know, the caller can only wait.
      this.logger.error(`[${correlationId}] ${exception.message}`);
      return problem(503, 'EVENT_STORE_ACCESS_DENIED', '事件存储拒绝访问（服务账号权限配置有误），请联系值班运维');
    }
    // The database (read models, or the user store behind every token check) is down or restarting. A command that
    // committed just before may still have been applied: clients retry with the same Idempotency-Key.
    if (isDatabaseUnavailable(exception)) {
      return problem(503, 'DATABASE_UNAVAILABLE', '数据库暂不可用，请稍后重试');
    }
    if (isStatementCancelled(exception)) {
      return problem(503, 'DATABASE_TIMEOUT', '数据库处理超时，请稍后重试');
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (isFastifyClientError(exception)) return fromFastifyError(exception);
    this.logger.error(
      `unexpected error [${correlationId}]: ${exception instanceof Error ? exception.stack : String(exception)}`,
    );
    return problem(500, 'INTERNAL_ERROR', `服务器内部错误，请联系值班运维并提供关联编号 ${correlationId}`);
  }
}

/**
 * The problem of a request refused for what it asks (invalid, not allowed by the rules, conflicting with the state):
 * the same request refused again would be refused the same way, so its first answer can be stored with its
 * Idempotency-Key. Undefined for anything else (failures of the system, which a retry may get past).
 */
export function refusalOf(exception: unknown, request?: FastifyRequest): ProblemDetails | undefined {
  if (exception instanceof RequestValidationError) {
    return problem(400, 'VALIDATION_FAILED', '请求内容未通过校验', { errors: exception.errors });
  }
  if (exception instanceof DomainError) {
    return problem(
      failedIfMatch(exception, request) ? 412 : STATUS_BY_KIND[exception.kind],
      exception.code,
      exception.message,
      exception.details ? { details: exception.details } : {},
    );
  }
  return undefined;
}

/**
 * A stale revision is 412 Precondition Failed when it is the client's own `If-Match` that failed (RFC 9110 §13.1.1):
 * the revision the command expected is the one the header named. A stale revision the server expected on its own
 * (a process step, a scheduler racing a person) is a conflict with the current state like any other: 409.
 */
function failedIfMatch(exception: DomainError, request: FastifyRequest | undefined): boolean {
  if (exception.code !== 'STALE_REVISION' || !request) return false;
  const header: unknown = request.headers['if-match'];
  const text: unknown = Array.isArray(header) ? header[0] : header;
  if (typeof text !== 'string') return false;
  try {
    return String(parseIfMatch(text)) === String(exception.details?.['expectedRevision']);
  } catch {
    return false;
  }
}

function isUnavailable(exception: unknown): boolean {
  return (
    exception instanceof EventStoreUnavailableError ||
    isDatabaseUnavailable(exception) ||
    isStatementCancelled(exception)
  );
}

/** An error that knows when the client may try again (a locked sign-in) carries `retryAfterMs`. */
function retryAfterOf(exception: unknown): number | undefined {
  const value =
    typeof exception === 'object' && exception !== null
      ? (exception as { retryAfterMs?: unknown }).retryAfterMs
      : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

const HTTP_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  411: 'LENGTH_REQUIRED',
  413: 'BODY_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/** The Chinese detail for a framework error whose own text is English (the users of this API read Chinese). */
const HTTP_DETAILS: Record<number, string> = {
  400: '请求格式错误',
  401: '未登录或登录已过期，请重新登录',
  403: '当前角色无权执行此操作',
  404: '请求的资源不存在',
  405: '此接口不支持该请求方法',
  406: '无法提供请求的内容格式',
  408: '请求超时',
  411: '请求须注明内容长度（Content-Length）',
  413: '请求内容过大',
  414: '请求地址过长',
  415: '不支持的请求内容类型，请使用 application/json',
  429: '请求过于频繁，请稍后重试',
  503: '服务暂不可用，请稍后重试',
};

const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

function fromHttpException(exception: HttpException): ProblemDetails {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const message =
    typeof response === 'object' && response && 'message' in response
      ? String((response as { message: unknown }).message)
      : exception.message;
  // Nest answers a path no controller serves with a NotFoundException("Cannot GET /path"): not a missing record
  // but a wrong address, told apart by its own code so a client does not mistake it for "this incident is gone".
  if (status === 404 && /^Cannot [A-Z]+ /.test(message)) {
    return problem(404, 'ROUTE_NOT_FOUND', `接口不存在：${message.slice('Cannot '.length, 200)}`);
  }
  // Our own exceptions carry Chinese text; a framework's English text is replaced by the Chinese one of its status.
  const detail = hasChinese(message) ? message : (HTTP_DETAILS[status] ?? `请求未能处理（HTTP ${status}）`);
  return problem(status, HTTP_CODES[status] ?? `HTTP_${status}`, detail);
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

/**
 * Fastify's client errors by their code (node_modules/fastify/lib/errors.js), each with a stable code of ours and a
 * Chinese detail. The JSON parser (secure-json-parse) refuses `__proto__` and `constructor.prototype` keys, which
 * would otherwise pollute prototypes; Fastify reports those as FST_ERR_CTP_INVALID_JSON_BODY like any broken JSON.
 */
const FASTIFY_ERRORS: Record<string, { code: string; detail: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'MALFORMED_JSON',
    detail: '请求内容不是有效的 JSON（或含有 __proto__、constructor 等不允许的键）',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'EMPTY_BODY',
    detail: '请求内容为空：Content-Type 为 application/json 时须提供 JSON 内容',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', detail: HTTP_DETAILS[415]! },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'INVALID_CONTENT_LENGTH',
    detail: '请求的 Content-Length 与实际内容长度不符',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'BODY_TOO_LARGE', detail: HTTP_DETAILS[413]! },
  FST_ERR_BAD_URL: { code: 'MALFORMED_URL', detail: '请求地址含有无法解析的编码' },
  FST_ERR_NOT_FOUND: { code: 'ROUTE_NOT_FOUND', detail: '接口不存在' },
};

/**
 * A Fastify client error as our own DomainError (stable code, Chinese detail), for the places that see Fastify's
 * error first: Nest turns Fastify errors that reach it into a plain HttpException carrying only the English message,
 * so a body parser hands its error over through here. Errors without a mapping, or not 400s, pass unchanged.
 */
export function asClientProblem(error: Error): Error {
  const code = (error as { code?: unknown }).code;
  const known = typeof code === 'string' ? FASTIFY_ERRORS[code] : undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  return known && status === 400 ? new DomainError(known.code, 'invalid', known.detail) : error;
}

function fromFastifyError(error: FastifyClientError): ProblemDetails {
  const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
  // Errors we raise with Fastify's codes (the 415 of the content-type guard) already say it in Chinese.
  if (known) return problem(error.statusCode, known.code, hasChinese(error.message) ? error.message : known.detail);
  const detail = hasChinese(error.message)
    ? error.message
    : (HTTP_DETAILS[error.statusCode] ?? `请求未能处理（HTTP ${error.statusCode}）`);
  return problem(error.statusCode, HTTP_CODES[error.statusCode] ?? `HTTP_${error.statusCode}`, detail);
}
