import { Body, Controller, HttpCode, HttpException, Inject, Post, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { CLOCK, type Actor, type Clock } from '@app/shared';
import { CurrentActor, Public, Requires } from '@app/shared/nest';
import { UserRow } from '../../persistence/user.entity';
import { LoginThrottle } from '../../auth/login-throttle';
import { PasswordHasher } from '../../auth/password-hasher';
import { TokenService, type IssuedToken } from '../../auth/token.service';
import { LoginRequest } from './login.request';

export interface LoginResponse extends IssuedToken {
  user: { id: string; username: string; displayName: string; roles: string[]; jurisdiction: string };
}

/** One message for every failure: it must not tell a wrong name from a wrong password or a disabled user. */
const GENERIC_FAILURE = '用户名或密码错误';

@ApiTags('auth')
@Controller('auth')
export class LoginController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly throttle: LoginThrottle,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '登录：换取短时访问令牌' })
  async login(@Body() body: LoginRequest): Promise<LoginResponse> {
    const now = this.clock.now();
    const waitMs = await this.throttle.lockedForMs(body.username, now);
    if (waitMs > 0) throw new LoginLockedException(waitMs);
    const user = await this.dataSource
      .getRepository(UserRow)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username: body.username.toLowerCase() })
      .getOne();
    const valid = await this.hasher.verify(user?.passwordHash, body.password);
    if (!user || !valid || user.disabledAt) {
      await this.throttle.recordFailure(body.username, now);
      throw new UnauthorizedException(GENERIC_FAILURE);
    }
    await this.throttle.clear(body.username);
    return { ...(await this.tokens.issue(user)), user: viewOf(user) };
  }

  /** A console on a wall screen renews its token before it expires instead of logging out mid-shift. */
  @Post('refresh')
  @Requires('session.refresh')
  @HttpCode(200)
  @ApiOperation({ summary: '续期访问令牌' })
  async refresh(@CurrentActor() actor: Actor): Promise<IssuedToken> {
    return this.tokens.issue({ id: actor.userId, username: actor.username, roles: actor.roles, jurisdiction: actor.jurisdiction });
  }
}

function viewOf(user: UserRow): LoginResponse['user'] {
  return { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, jurisdiction: user.jurisdiction };
}

/** 429 with Retry-After in seconds; the problem filter keeps the header. */
export class LoginLockedException extends HttpException {
  constructor(readonly retryAfterMs: number) {
    super(`登录失败次数过多，请 ${Math.ceil(retryAfterMs / 60_000)} 分钟后再试`, 429);
  }
}
