import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { rolesAllow, type Permission } from '@app/shared';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from '@app/shared/nest';
import { Authenticator } from './authenticator';

/**
 * The global HTTP guard. Closed by default: no valid bearer token → 401; a route that names no permission, or
 * one the actor's roles lack → 403. Only `@Public()` routes (health, login) skip it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // Socket.IO authenticates in its handshake middleware
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = bearerToken(request.headers.authorization);
    const authenticated = token ? await this.authenticator.authenticate(token) : undefined;
    if (!authenticated) throw new UnauthorizedException('未登录或登录已过期，请重新登录');
    request.actor = authenticated.actor;
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    if (!permission || !rolesAllow(authenticated.actor.roles, permission)) {
      throw new ForbiddenException('当前角色无权执行此操作');
    }
    return true;
  }
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(header?.trim() ?? '');
  return match?.[1];
}
