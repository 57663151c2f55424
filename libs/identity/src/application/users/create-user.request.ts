import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { JURISDICTION_CODE_PATTERN, ROLES, type Role } from '@app/shared';

export class CreateUserRequest {
  @ApiProperty({ example: 'zhangwei' })
  @IsString()
  @Matches(/^[a-z0-9_.-]{2,40}$/, { message: 'username 须为 2–40 位小写字母、数字或 _ . -' })
  username!: string;

  /** NIST SP 800-63B: length over composition rules; 12 characters at least for people who run a command centre. */
  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12, { message: 'password 至少 12 个字符' })
  @MaxLength(200)
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
