import { applyDecorators, Controller, Get, HttpCode, Patch, Post, Put, SetMetadata } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Permission } from '../auth/permissions';
import { Requires } from './auth';

/**
 * The decorators every route repeats, composed once: a route names its permission (closed by default, see `Requires`),
 * its OpenAPI summary and, for commands, its status code. Keeps a use case's controller to what is particular to it.
 */
export interface RouteSpec {
  requires: Permission;
  summary: string;
  /**
   * For the OpenAPI document (apps/command-api/src/openapi): stable codes this route can answer beyond those its
   * context declares (its success answer is read from the method's return type).
   */
  errors?: readonly string[];
}

/** Metadata the OpenAPI document reads: the `errors` of the route's spec. */
export const OPENAPI_ROUTE = 'openapi-route';

function documented(spec: RouteSpec): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary: spec.summary }),
    SetMetadata(OPENAPI_ROUTE, { errors: spec.errors ?? [] }),
  );
}

/** Marks a command route: its answers are bound to their Idempotency-Key and told as 202 once events are stored. */
export const COMMAND_ROUTE = 'command-route';

export interface CommandRouteSpec extends RouteSpec {
  /** 201 for a command that creates something, 200 otherwise (always stated: Nest's own default for POST is 201). */
  status: 200 | 201;
  /**
   * For a 201 whose created thing is not read where `defaultLocation` says: the path under /api/v1 to read it at,
   * from the answer and the route's parameters (a function of those alone, so a replayed answer names the same).
   */
  location?: LocationOf;
}

/** Marks a 201 route whose `Location` is built by its own `location` (see `CommandRouteSpec`). */
export const COMMAND_LOCATION = 'command-location';

export type LocationOf = (
  answer: Readonly<Record<string, unknown>>,
  params: Readonly<Record<string, string>>,
) => string;

/**
 * Where a 201's created thing is read, by the shape of its route (docs/api.md, "Location, ETag and If-Match"):
 * - a route on a collection (`POST /incidents`) created the record the answer's `id` names: `/incidents/<id>`;
 * - a route below a record (`POST /incidents/:id/notifications`, `POST /teams/:id/dispatch`) added to that record,
 *   which is read whole: `/incidents/<id>`, `/teams/<id>` (the route's path up to its last parameter).
 * `pattern` is the route as registered, with or without the /api/v1 prefix; the result is without it.
 */
export function defaultLocation(
  pattern: string,
  params: Readonly<Record<string, string>>,
  answer: Readonly<Record<string, unknown>>,
): string {
  const segments = pattern
    .replace(/^\/api\/v1(?=\/)/, '')
    .split('/')
    .filter(Boolean);
  const lastParam = segments.findLastIndex((segment) => segment.startsWith(':'));
  if (lastParam >= 0) {
    const filled = segments
      .slice(0, lastParam + 1)
      .map((segment) => (segment.startsWith(':') ? encodeURIComponent(params[segment.slice(1)] ?? '') : segment));
    return `/${filled.join('/')}`;
  }
  const id = answer['id'];
  return typeof id === 'string' ? `/${[...segments, encodeURIComponent(id)].join('/')}` : `/${segments.join('/')}`;
}

/** Marks a controller whose commands take `If-Match` (412 when it names another revision than the current one). */
export const IF_MATCH_ROUTE = 'if-match-route';

/** A controller of commands: OpenAPI tag, the `Idempotency-Key` header, and `If-Match` when its aggregate has revisions. */
export function CommandController(path: string, options: { tag: string; ifMatch?: string }): ClassDecorator {
  return applyDecorators(
    ApiTags(options.tag),
    ...(options.ifMatch ? [SetMetadata(IF_MATCH_ROUTE, true)] : []),
    ApiHeader({ name: 'Idempotency-Key', required: false }),
    ...(options.ifMatch ? [ApiHeader({ name: 'If-Match', required: false, description: options.ifMatch })] : []),
    Controller(path),
  );
}

/** A controller of queries. */
export function QueryController(path: string, options: { tag: string }): ClassDecorator {
  return applyDecorators(ApiTags(options.tag), Controller(path));
}

export function CommandPost(path: string | undefined, spec: CommandRouteSpec): MethodDecorator {
  return applyDecorators(
    Post(path),
    Requires(spec.requires),
    HttpCode(spec.status),
    SetMetadata(COMMAND_ROUTE, true),
    ...(spec.location ? [SetMetadata(COMMAND_LOCATION, spec.location)] : []),
    documented(spec),
  );
}

export function CommandPatch(path: string | undefined, spec: CommandRouteSpec): MethodDecorator {
  return applyDecorators(
    Patch(path),
    Requires(spec.requires),
    HttpCode(spec.status),
    SetMetadata(COMMAND_ROUTE, true),
    ...(spec.location ? [SetMetadata(COMMAND_LOCATION, spec.location)] : []),
    documented(spec),
  );
}

export function CommandPut(path: string | undefined, spec: CommandRouteSpec): MethodDecorator {
  return applyDecorators(
    Put(path),
    Requires(spec.requires),
    HttpCode(spec.status),
    SetMetadata(COMMAND_ROUTE, true),
    ...(spec.location ? [SetMetadata(COMMAND_LOCATION, spec.location)] : []),
    documented(spec),
  );
}

export function QueryGet(path: string | undefined, spec: RouteSpec): MethodDecorator {
  return applyDecorators(Get(path), Requires(spec.requires), documented(spec));
}
