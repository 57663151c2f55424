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
import type { Commit } from '@app/event-sourcing';
import { formatPosition } from '@app/event-store';
import { IdempotencyKeyReusedError } from '@app/shared';
import {
  COMMAND_ROUTE,
  PreparedAnswer,
  PROBLEM_CONTENT_TYPE,
  refusalOf,
  requestKeyOf,
  type RequestKey,
} from '@app/shared/nest';
import { AnswerStore, type StoredAnswer } from './answer-store';

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
    return defer(() => this.answer(request, reply, status, next));
  }

  private async answer(request: FastifyRequest, reply: FastifyReply, status: number, next: CallHandler) {
    const key = request.actor ? requestKeyOf(request) : undefined;
    if (key) {
      const standing = await this.answers.standingOf(key);
      if (standing?.requestHash && standing.requestHash !== key.requestHash) throw new IdempotencyKeyReusedError();
      if (standing?.answer) throw replayOf(standing.answer, request);
      if (standing?.applied) request.keyApplied = true;
    }
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      if (error instanceof PreparedAnswer) throw error;
      const refusal = refusalOf(error);
      if (request.commits?.length) {
        // Something was stored: a refusal of a later step is told as it is, but not remembered (a retry completes
        // the request); any other failure must not hide that the events are stored.
        if (refusal) throw error;
        throw accepted(request.commits, error, this.logger);
      }
      if (key && refusal && remembersRefusal(refusal.code))
        await this.remember(key, { status: refusal.status, body: refusal });
      throw error;
    }
    if (request.commits?.some((commit) => !commit.readModelsCaughtUp)) throw accepted(request.commits);
    const replayed = isReplayed(body);
    if (replayed) void reply.header(REPLAYED_HEADER, 'true');
    if (key) await this.remember(key, { status, body });
    return body;
  }

  /** Storing the answer is best effort: if it fails, a retry is still answered from the key's stored events. */
  private async remember(key: RequestKey, answer: StoredAnswer): Promise<void> {
    await this.answers.remember(key, answer).catch((error: unknown) => {
      this.logger.warn(`first answer of a keyed request not stored: ${error instanceof Error ? error.message : error}`);
    });
  }
}

/**
 * Refusals that a retry may get past are not bound to the key: a conflict among concurrent writers that outlasted
 * the retries, and a key reused with another request (the key belongs to that other request).
 */
function remembersRefusal(code: string): boolean {
  return code !== 'CONCURRENT_UPDATE' && code !== 'IDEMPOTENCY_KEY_REUSED';
}

function isReplayed(body: unknown): boolean {
  return typeof body === 'object' && body !== null && (body as { replayed?: unknown }).replayed === true;
}

function replayOf(answer: StoredAnswer, request: FastifyRequest): PreparedAnswer {
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
    'content-type': refusal ? PROBLEM_CONTENT_TYPE : 'application/json; charset=utf-8',
  });
}

/** 202: the events are stored; the result is read at `Location` once the read models have caught up. */
function accepted(commits: readonly Commit[], cause?: unknown, logger?: Logger): PreparedAnswer {
  if (cause !== undefined) {
    logger?.warn(`answer of a stored command not readable: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  const first = commits[0]!;
  const last = commits[commits.length - 1]!;
  const body = {
    id: first.id,
    revision: Number(first.revision),
    position: formatPosition(last.position),
    replayed: false,
    accepted: true,
    detail: '已受理：操作已保存，但显示数据尚未更新完毕。请稍后刷新，或用同一 Idempotency-Key 重发以取得完整结果。',
  };
  return new PreparedAnswer(202, body, {
    'content-type': 'application/json; charset=utf-8',
    ...(first.location ? { location: `/api/v1${first.location}` } : {}),
  });
}
