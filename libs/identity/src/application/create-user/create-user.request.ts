import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@app/shared';
import { IsAcceptablePassword } from '../../auth/password-policy';
import { IsJurisdictionCode, IsRoleList } from '../user-fields';

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

  @ApiProperty({ example: '张伟' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsRoleList()
  roles!: Role[];

  @ApiProperty({ example: '640521' })
  @IsJurisdictionCode()
  jurisdiction!: string;
}
