import { createParamDecorator, SetMetadata, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../auth/actor';
import type { Permission } from '../auth/permissions';

/**
 * Every route is closed by default: the global auth guard refuses a request without a valid token (401) and one
 * whose roles lack the route's permission (403). A route opts out only with `@Public()`; a route that names no
 * permission is refused to everyone, so forgetting `@Requires` fails closed.
 */
export const PUBLIC_ROUTE = 'auth:public';
export const REQUIRED_PERMISSION = 'auth:permission';

export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
export const Requires = (permission: Permission): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_PERMISSION, permission);

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth guard once the bearer token is verified. */
    actor?: Actor;
  }
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthorizedException('未登录或登录已过期');
  return request.actor;
}

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor =>
  actorOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
