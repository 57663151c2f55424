import { HttpException } from '@nestjs/common';

/** 429 with Retry-After in seconds; the problem filter keeps the header. */
export class LoginLockedException extends HttpException {
  constructor(readonly retryAfterMs: number) {
    const seconds = Math.ceil(retryAfterMs / 1000);
    super(`登录失败次数过多，请 ${seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`}后再试`, 429);
  }
}
