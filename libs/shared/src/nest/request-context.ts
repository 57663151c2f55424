import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { CommandContext, Decision } from '@app/event-sourcing';
import { DomainError } from '../errors/domain-error';
import { actorOf } from './auth';
import { BodyLimitsPipe } from './body-limits.pipe';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set before the handler runs when the request's Idempotency-Key already stored events (a lost answer). */
    keyApplied?: boolean;
    /** Every decision the request's command made, in order (the answer is 202 if reading it back fails). */
    decisions?: Decision[];
  }
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/**
 * Builds the command context of a mutation from its headers: correlation id, `Idempotency-Key` (with a hash of
 * method, path, body and actor so a reused key with another request is refused) and `If-Match`, and the signed-in actor with the jurisdictions it may act in.
 */
export function commandContextOf(request: FastifyRequest): CommandContext {
  // The HTTP layer sets request.id from X-Correlation-Id or a fresh UUID.
  const correlationId = String(request.id ?? randomUUID());
  const keyed = requestKeyOf(request);
  const ifMatch = headerOf(request, 'if-match');
  const actor = actorOf(request);
  return {
    correlationId,
    causationId: correlationId,
    actorId: actor.userId,
    actorName: actor.username,
    actorRoles: actor.roles,
    visibleJurisdictions: actor.scope,
    ...(keyed ? { idempotencyKey: keyed.key, requestHash: keyed.requestHash } : {}),
    ...(request.keyApplied ? { keyApplied: true } : {}),
    ...(ifMatch !== undefined ? { expectedRevision: parseIfMatch(ifMatch) } : {}),
    onDecided: (decision) => (request.decisions ??= []).push(decision),
  };
}

/** A mutation's `Idempotency-Key` with the hash of the request it is bound to; undefined without the header. */
export interface RequestKey {
  actorId: string;
  key: string;
  requestHash: string;
}

export function requestKeyOf(request: FastifyRequest): RequestKey | undefined {
  const key = headerOf(request, 'idempotency-key');
  if (key === undefined) return undefined;
  if (!KEY_PATTERN.test(key)) {
    throw new DomainError('INVALID_IDEMPOTENCY_KEY', 'invalid', 'Idempotency-Key 须为 1–200 个可见 ASCII 字符');
  }
  const actor = actorOf(request);
  // This runs before the pipes and hashes the body: refuse a stack-exhausting or unstorable body first.
  new BodyLimitsPipe().transform(request.body);
  return { actorId: actor.userId, key, requestHash: hashRequest(request) };
}

export const CommandCtx = createParamDecorator((_: unknown, ctx: ExecutionContext) =>
  commandContextOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);

function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The revision an `If-Match` names: the strong ETag a read answered (`"7"`) or the bare revision (`7`) that clients
 * written before reads carried ETags send. A weak tag (`W/"7"`) is refused: RFC 9110 §13.1.1 compares If-Match
 * strongly, so a weak tag could never match, and this API issues none. `*`, lists and anything else are refused too.
 */
export function parseIfMatch(text: string): bigint {
  const match = /^(?:"(\d{1,18})"|(\d{1,18}))$/.exec(text.trim());
  if (!match) {
    throw new DomainError(
      'INVALID_IF_MATCH',
      'invalid',
      'If-Match 须为读取时得到的 ETag（如 "7"）或版本号（revision），不接受弱 ETag（W/）、* 或多个值',
    );
  }
  return BigInt(match[1] ?? match[2]!);
}

/** The strong ETag of a revision, as reads answer it and `If-Match` takes it back. */
export function etagOf(revision: bigint | number): string {
  return `"${revision.toString()}"`;
}

function hashRequest(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url} ${request.actor?.userId ?? ''}\n${JSON.stringify(request.body ?? null)}`)
    .digest('base64url');
}
