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
}

/** A controller of commands: OpenAPI tag, the `Idempotency-Key` header, and `If-Match` when its aggregate has revisions. */
export function CommandController(path: string, options: { tag: string; ifMatch?: string }): ClassDecorator {
  return applyDecorators(
    ApiTags(options.tag),
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
    documented(spec),
  );
}

export function CommandPatch(path: string | undefined, spec: CommandRouteSpec): MethodDecorator {
  return applyDecorators(
    Patch(path),
    Requires(spec.requires),
    HttpCode(spec.status),
    SetMetadata(COMMAND_ROUTE, true),
    documented(spec),
  );
}

export function CommandPut(path: string | undefined, spec: CommandRouteSpec): MethodDecorator {
  return applyDecorators(
    Put(path),
    Requires(spec.requires),
    HttpCode(spec.status),
    SetMetadata(COMMAND_ROUTE, true),
    documented(spec),
  );
}

export function QueryGet(path: string | undefined, spec: RouteSpec): MethodDecorator {
  return applyDecorators(Get(path), Requires(spec.requires), documented(spec));
}
