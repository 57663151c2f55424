import {
  Body,
  Controller,
  HttpCode,
  HttpException,
  Inject,
  Post,
  Req,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CLOCK, type Actor, type Clock } from '@app/shared';
import { CurrentActor, Public, Requires } from '@app/shared/nest';
import type { LoginResponse } from '../../contract';
import { UserAccounts } from '../../persistence/user-accounts';
import type { UserRow } from '../../persistence/user.entity';
import { accountBucket, deviceBucket, LoginThrottle } from '../../auth/login-throttle';
import { PasswordHasher } from '../../auth/password-hasher';
import { TokenService } from '../../auth/token.service';
import { Sessions } from '../../auth/sessions';
import { DEVICE_MEMORY_DAYS, Devices } from '../../auth/devices';
import { SecurityEvents } from '../../audit/security-events';
import { LoginLockedException } from './login-locked.exception';
import { LoginRequest, RefreshRequest } from './login.request';

export type { LoginResponse } from '../../contract';

/** One message for every failure: it must not tell a wrong name from a wrong password or a disabled user. */
const GENERIC_FAILURE = '用户名或密码错误';
/** Cookies only the sign-in endpoints see (Path), never page script (HttpOnly), never sent cross-site (Strict). */
export const REFRESH_COOKIE = 'ecd_refresh';
export const DEVICE_COOKIE = 'ecd_device';
const COOKIE_PATH = '/api/v1/auth';

@ApiTags('auth')
@Controller('auth')
export class LoginController {
  constructor(
    private readonly accounts: UserAccounts,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    private readonly sessions: Sessions,
    private readonly devices: Devices,
    private readonly events: SecurityEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '登录：换取短时访问令牌和续期令牌（浏览器另得 HttpOnly Cookie）' })
  async login(
    @Body() body: LoginRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    const username = body.username.toLowerCase();
    const deviceCookie = request.cookies?.[DEVICE_COOKIE];
    const device = await this.devices.recognise(deviceCookie, username);
    const bucket = device ? deviceBucket(device) : accountBucket(username);
    const reservation = await this.throttle.reserve(bucket, this.clock.now());
    if (reservation.kind === 'wait') {
      await this.events.record(
        {
          kind: 'sign_in_delayed',
          username,
          details: {
            bucket: device ? 'device' : 'account',
            failures: reservation.failures,
            waitMs: reservation.waitMs,
          },
        },
        request,
      );
      throw new LoginLockedException(reservation.waitMs);
    }
    const user = await this.accounts.byUsernameWithPassword(username);
    const valid = await this.hasher.verify(user?.passwordHash, body.password);
    if (!user || !valid || user.disabledAt) {
      // The reservation made above stays: it is this failure.
      await this.events.record(
        {
          kind: 'sign_in_failed',
          userId: user?.id ?? null,
          username,
          jurisdiction: user?.jurisdiction ?? null,
          details: { bucket: device ? 'device' : 'account' },
        },
        request,
      );
      throw new UnauthorizedException(GENERIC_FAILURE);
    }
    await this.throttle.clear(bucket);
    const remembered = await this.devices.remember(user.id, device, deviceCookie);
    const session = await this.sessions.start(user.id, remembered.id, request.ip);
    const issued = await this.tokens.issue(user, session.sessionId);
    setCookie(reply, request, DEVICE_COOKIE, remembered.cookie, DEVICE_MEMORY_DAYS * 86_400);
    setCookie(reply, request, REFRESH_COOKIE, session.refreshToken, secondsUntil(session.expiresAt, this.clock.now()));
    await this.events.record(
      {
        kind: 'sign_in',
        userId: user.id,
        username,
        sessionId: session.sessionId,
        jurisdiction: user.jurisdiction,
        details: { rememberedDevice: Boolean(device) },
      },
      request,
    );
    return {
      ...issued,
      refreshToken: session.refreshToken,
      sessionExpiresAt: session.expiresAt.toISOString(),
      user: viewOf(user),
    };
  }

  /**
   * Public: the access token may have expired. The refresh token comes from the JSON body or the HttpOnly cookie; a
   * JSON content type is required, which a cross-site form cannot send (and a cross-site script cannot without a
   * CORS preflight), on top of the cookie's SameSite=Strict.
   */
  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '续期：以续期令牌换取新的访问令牌和新的续期令牌（旧续期令牌作废，重复使用即结束会话）' })
  async refresh(
    @Body() body: RefreshRequest,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<LoginResponse> {
    if (!/^application\/json\b/i.test(String(request.headers['content-type'] ?? ''))) {
      throw new HttpException('续期请求须为 application/json', 415);
    }
    const presented = body?.refreshToken ?? request.cookies?.[REFRESH_COOKIE];
    if (!presented || !/^[\w-]{20,100}$/.test(presented)) {
      throw new UnauthorizedException('未登录或登录已过期，请重新登录');
    }
    const outcome = await this.sessions.rotate(presented);
    if (outcome.kind !== 'rotated') {
      if (outcome.kind === 'reused') {
        clearCookie(reply, request, REFRESH_COOKIE);
        await this.events.record(
          {
            kind: 'refresh_reuse',
            userId: outcome.user.id,
            username: outcome.user.username,
            sessionId: outcome.sessionId,
            jurisdiction: outcome.user.jurisdiction,
          },
          request,
        );
        throw new UnauthorizedException('续期令牌已被使用过，会话已结束，请重新登录');
      }
      // A race with another tab leaves the cookie alone: it already holds the successor.
      if (outcome.kind === 'invalid') clearCookie(reply, request, REFRESH_COOKIE);
      await this.events.record(
        {
          kind: 'refresh_refused',
          ...(outcome.kind === 'raced'
            ? {
                userId: outcome.user.id,
                username: outcome.user.username,
                sessionId: outcome.sessionId,
                jurisdiction: outcome.user.jurisdiction,
              }
            : {}),
          details: { reason: outcome.kind },
        },
        request,
      );
      throw new UnauthorizedException('未登录或登录已过期，请重新登录');
    }
    const issued = await this.tokens.issue(outcome.user, outcome.sessionId);
    setCookie(reply, request, REFRESH_COOKIE, outcome.refreshToken, secondsUntil(outcome.expiresAt, this.clock.now()));
    await this.events.record(
      {
        kind: 'refresh',
        userId: outcome.user.id,
        username: outcome.user.username,
        sessionId: outcome.sessionId,
        jurisdiction: outcome.user.jurisdiction,
      },
      request,
    );
    return {
      ...issued,
      refreshToken: outcome.refreshToken,
      sessionExpiresAt: outcome.expiresAt.toISOString(),
      user: outcome.user,
    };
  }

  @Post('logout')
  @Requires('session.logout')
  @HttpCode(204)
  @ApiOperation({ summary: '退出：结束本会话（续期令牌作废，打开的控制台断开）' })
  async logout(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    if (actor.sessionId) await this.sessions.end(actor.sessionId, 'logout');
    clearCookie(reply, request, REFRESH_COOKIE);
    await this.events.record(
      {
        kind: 'sign_out',
        userId: actor.userId,
        username: actor.username,
        sessionId: actor.sessionId ?? null,
        jurisdiction: actor.jurisdiction,
      },
      request,
    );
  }
}

function viewOf(user: UserRow): LoginResponse['user'] {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    jurisdiction: user.jurisdiction,
  };
}

function secondsUntil(at: Date, now: Date): number {
  return Math.max(1, Math.floor((at.getTime() - now.getTime()) / 1000));
}

function cookieOptions(request: FastifyRequest, maxAge: number): CookieSerializeOptions {
  return { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', maxAge };
}

function setCookie(
  reply: FastifyReply,
  request: FastifyRequest,
  name: string,
  value: string,
  maxAgeSeconds: number,
): void {
  void reply.setCookie(name, value, cookieOptions(request, maxAgeSeconds));
}

function clearCookie(reply: FastifyReply, request: FastifyRequest, name: string): void {
  void reply.clearCookie(name, cookieOptions(request, 0));
}
