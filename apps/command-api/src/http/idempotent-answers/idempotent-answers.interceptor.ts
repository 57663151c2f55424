import {
  HttpStatus,
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { defer, lastValueFrom, type Observable } from 'rxjs';
import { locationOfStream, type Decision } from '@app/event-sourcing';
import { formatPosition } from '@app/event-store';
import { DomainError, IdempotencyKeyReusedError } from '@app/shared';
import {
  COMMAND_LOCATION,
  COMMAND_ROUTE,
  defaultLocation,
  PreparedAnswer,
  PROBLEM_CONTENT_TYPE,
  refusalOf,
  requestKeyOf,
  type LocationOf,
  type ProblemDetails,
  type RequestKey,
} from '@app/shared/nest';
import { AnswerStore, type KeyedStream, type StoredAnswer } from './answer-store';

export const REPLAYED_HEADER = 'idempotent-replayed';

/**
 * What a client is told is what happened (docs/api.md, "Commands"; ADR 0013), on every command route:
 * - with an `Idempotency-Key`, the first answer — success, no-op or refusal — is stored with the key and given again
 *   to every retry of the same request (`Idempotent-Replayed: true`), before any check of the handler runs, so a
 *   retry is never judged by what happened after its first attempt;
 * - once the command's events are stored the client is told so: if its result cannot be read back (the read models
 *   lag, or the database went away after the append), the answer is `202 Accepted` with where to read it, never 5xx.
 */
@Injectable()
export class IdempotentAnswersInterceptor implements NestInterceptor {
  private readonly logger = new Logger('IdempotentAnswers');

  constructor(
    private readonly reflector: Reflector,
    private readonly answers: AnswerStore,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || !this.reflector.get<boolean>(COMMAND_ROUTE, context.getHandler())) {
      return next.handle();
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const status = this.reflector.get<number>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.OK;
    const locationOf = this.reflector.get<LocationOf | undefined>(COMMAND_LOCATION, context.getHandler());
    const location: Located = (answer) => (status === 201 ? locationHeader(request, answer, locationOf) : {});
    return defer(() => this.answer(request, reply, status, location, next));
  }

  private async answer(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    location: Located,
    next: CallHandler,
  ) {
    const key = request.actor ? requestKeyOf(request) : undefined;
    const standing = key ? await this.answers.standingOf(key) : undefined;
    if (key && standing) {
      if (standing.requestHash && standing.requestHash !== key.requestHash) throw new IdempotencyKeyReusedError();
      if (standing.answer) {
        throw visible(standing.answer, request) ? replayOf(standing.answer, request, location) : hidden();
      }
      if (standing.applied.length > 0) request.keyApplied = true;
    }
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      if (error instanceof PreparedAnswer) throw error;
      throw await this.failed(error, request, key, standing?.applied ?? []);
    }
    const decisions = request.decisions ?? [];
    const stored = decisions.filter((d) => d.position !== undefined);
    if (stored.some((d) => !d.readModelsCaughtUp)) throw acceptedOf(stored, decisions);
    const behind = decisions.find((d) => !d.readModelsCaughtUp);
    if (behind) {
      // Nothing to do was decided, but the view to answer with is not readable yet: say so, and keep it as the answer.
      const noop = acceptedNoop(behind);
      if (key) await this.remember(key, { status: noop.status, body: noop.body }, stored);
      throw noop;
    }
    if (isReplayed(body)) void reply.header(REPLAYED_HEADER, 'true');
    if (key && !(await this.remember(key, { status, body }, stored))) throw acceptedOf(stored, decisions);
    void reply.headers(location(body));
    return body;
  }

  /** What to tell (and whether to remember) when the handler failed. */
  private async failed(
    error: unknown,
    request: FastifyRequest,
    key: RequestKey | undefined,
    applied: readonly KeyedStream[],
  ): Promise<unknown> {
    const refusal = refusalOf(error, request);
    const stored = (request.decisions ?? []).filter((d) => d.position !== undefined);
    if (stored.length > 0) {
      // Events are stored: a failure to read the answer back (the view not there yet included) must not hide it.
      // A refusal of a later step is told as it is, but not remembered: a retry completes the request.
      if (refusal && refusal.status !== 404) return error;
      logUnreadable(this.logger, error);
      return acceptedOf(stored, request.decisions ?? []);
    }
    if (applied.length > 0 && refusal) {
      // The first attempt stored its events, and a check made outside the decider now refuses the retry for what
      // happened since (the drill ended, the incident closed): the request was applied, so say that.
      return acceptedFromKey(applied);
    }
    if (key && refusal && remembersRefusal(refusal))
      await this.remember(key, { status: refusal.status, body: refusal }, []);
    return error;
  }

  /**
   * Binds the answer to the key. If that fails (the database went away just now), the answer must not be one a retry
   * could contradict: with stored events the client is told 202 (false here; the retry answers from the events),
   * without any the request changed nothing and the failure is told as it is (503, retry with the same key).
   */
  private async remember(key: RequestKey, answer: StoredAnswer, stored: readonly Decision[]): Promise<boolean> {
    try {
      await this.answers.remember(key, answer);
      return true;
    } catch (error) {
      this.logger.warn(`first answer of a keyed request not stored: ${describe(error)}`);
      if (stored.length === 0) throw error;
      return false;
    }
  }
}

/**
 * Refusals that a retry may get past are not bound to the key: "not found" (the record may not have reached the read
 * model a check reads yet), a conflict among concurrent writers that outlasted the retries, and a key reused with
 * another request (the key belongs to that other request).
 */
function remembersRefusal(refusal: ProblemDetails): boolean {
  return refusal.status !== 404 && refusal.code !== 'CONCURRENT_UPDATE' && refusal.code !== 'IDEMPOTENCY_KEY_REUSED';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : JSON.stringify(error);
}

function logUnreadable(logger: Logger, cause: unknown): void {
  logger.warn(`answer of a stored command not readable: ${describe(cause)}`);
}

function isReplayed(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { replayed?: unknown }).replayed === true;
}

/**
 * Access rules outlive answers: a stored answer that shows a record in a jurisdiction the user can no longer see (an
 * administrator moved the user since) is not handed out again.
 */
function visible(answer: StoredAnswer, request: FastifyRequest): boolean {
  const jurisdiction =
    typeof answer.body === 'object' && answer.body !== null
      ? (answer.body as { jurisdiction?: unknown }).jurisdiction
      : undefined;
  return typeof jurisdiction !== 'string' || (request.actor?.scope ?? []).includes(jurisdiction);
}

function hidden(): DomainError {
  return new DomainError('RECORD_NOT_FOUND', 'not_found', '记录不存在或已不在您的辖区内');
}

/** The `Location` header of a successful answer, when its route answers 201 (none otherwise). */
type Located = (answer: unknown) => Record<string, string>;

/**
 * A 201 says where its created thing is read: built from the answer and the route's parameters only (never from
 * what the command decided), so the stored first answer replayed to a retry names the same place.
 */
function locationHeader(request: FastifyRequest, answer: unknown, locationOf: LocationOf | undefined) {
  const body = typeof answer === 'object' && answer !== null ? (answer as Record<string, unknown>) : {};
  const params = (request.params ?? {}) as Record<string, string>;
  const path = locationOf ? locationOf(body, params) : defaultLocation(request.routeOptions.url ?? '', params, body);
  return { location: `/api/v1${path}` };
}

function replayOf(answer: StoredAnswer, request: FastifyRequest, location: Located): PreparedAnswer {
  const refusal = answer.status >= 400;
  const body =
    typeof answer.body === 'object' && answer.body !== null
      ? refusal
        ? { ...answer.body, correlationId: String(request.id), instance: request.url }
        : 'replayed' in answer.body
          ? { ...answer.body, replayed: true }
          : answer.body
      : answer.body;
  return new PreparedAnswer(answer.status, body, {
    [REPLAYED_HEADER]: 'true',
    'content-type': refusal ? PROBLEM_CONTENT_TYPE : JSON_CONTENT_TYPE,
    ...(answer.status === 201 ? location(answer.body) : {}),
  });
}

const ACCEPTED_DETAIL = '已受理：操作已保存，但显示数据尚未更新完毕，请稍后刷新查看。';
const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** 202: the events are stored; the record is read at `Location` once the read models have caught up. Not stored. */
function acceptedOf(stored: readonly Decision[], all: readonly Decision[]): PreparedAnswer {
  const first = all[0] ?? stored[0]!;
  const last = stored[stored.length - 1]!;
  const replayed = stored.every((d) => d.replayed);
  return accepted(
    {
      id: first.id,
      revision: first.revision === undefined ? -1 : Number(first.revision),
      position: formatPosition(last.position!),
      replayed,
    },
    first.location,
  );
}

/** 202 for a retry refused by a check although its first attempt's events are stored: the request was applied. */
function acceptedFromKey(applied: readonly KeyedStream[]): PreparedAnswer {
  const first = applied[0]!;
  const last = applied[applied.length - 1]!;
  const { id, location } = locationOfStream(first.streamName);
  return accepted({ id, revision: first.lastRevision, position: last.lastPosition, replayed: true }, location);
}

/** 202 for a decision that changed nothing, while the view to answer with is not readable yet. */
function acceptedNoop(decision: Decision): PreparedAnswer {
  const revision = decision.revision === undefined ? -1 : Number(decision.revision);
  return accepted({ id: decision.id, revision, position: null, replayed: false }, decision.location);
}

function accepted(
  answer: { id: string; revision: number; position: string | null; replayed: boolean },
  location: string | undefined,
): PreparedAnswer {
  return new PreparedAnswer(
    202,
    { ...answer, accepted: true, detail: ACCEPTED_DETAIL },
    {
      'content-type': JSON_CONTENT_TYPE,
      ...(answer.replayed ? { [REPLAYED_HEADER]: 'true' } : {}),
      ...(location ? { location: `/api/v1${location}` } : {}),
    },
  );
}
