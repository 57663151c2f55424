import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'duty' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  username!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password!: string;
}

/** POST /auth/refresh: the token from the body (API clients) or, when absent, from the HttpOnly cookie (browsers). */
export class RefreshRequest {
  @ApiPropertyOptional({ description: '登录或上次续期返回的 refreshToken；浏览器可省略（使用 Cookie）' })
  @IsOptional()
  @IsString()
  @Matches(/^[\w-]{20,100}$/, { message: 'refreshToken 格式不正确' })
  refreshToken?: string;
}
