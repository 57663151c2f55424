import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { JURISDICTION_CODE_PATTERN, ROLES, type Role } from '@app/shared';
import { IsAcceptablePassword } from '../../auth/password-policy';

export class CreateUserRequest {
  @ApiProperty({ example: 'zhangwei' })
  @IsString()
  @Matches(/^[a-z0-9_.-]{2,40}$/, { message: 'username 须为 2–40 位小写字母、数字或 _ . -' })
  username!: string;

  /** At least 12 characters and not a common password (auth/password-policy.ts). */
  @ApiProperty({ minLength: 12 })
  @IsString()
  @IsAcceptablePassword()
  password!: string;

  @ApiProperty({ example: '张伟' }) @IsString() @IsNotEmpty() @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: 'roles 只能包含 duty_officer、commander、drill_coordinator、viewer、admin' })
  roles!: Role[];

  @ApiProperty({ example: '640521' })
  @IsString()
  @Matches(JURISDICTION_CODE_PATTERN, { message: 'jurisdiction 须为 6 位或 9 位辖区代码' })
  jurisdiction!: string;
}

/** PATCH /users/{id}: any of the three; roles or jurisdiction changed end the user's sessions. */
export class UpdateUserRequest {
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: 'roles 只能包含 duty_officer、commander、drill_coordinator、viewer、admin' })
  roles?: Role[];

  @ApiPropertyOptional({ example: '640521' })
  @IsOptional()
  @IsString()
  @Matches(JURISDICTION_CODE_PATTERN, { message: 'jurisdiction 须为 6 位或 9 位辖区代码' })
  jurisdiction?: string;

  @ApiPropertyOptional({ example: '张伟' }) @IsOptional() @IsString() @IsNotEmpty() @MaxLength(100)
  displayName?: string;
}

/** POST /users/{id}/password-reset: an administrator sets a new password (told to the user out of band). */
export class ResetPasswordRequest {
  @ApiProperty({ minLength: 12 }) @IsString() @IsAcceptablePassword()
  newPassword!: string;
}
