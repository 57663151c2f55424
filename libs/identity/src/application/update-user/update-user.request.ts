import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { ROLES, type Role } from '@app/shared';
import { IsJurisdictionCode, IsRoleList } from '../user-fields';

/** PATCH /users/{id}: any of the three; roles or jurisdiction changed end the user's sessions. */
export class UpdateUserRequest {
  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsRoleList()
  roles?: Role[];

  @ApiPropertyOptional({ example: '640521' })
  @IsOptional()
  @IsJurisdictionCode()
  jurisdiction?: string;

  @ApiPropertyOptional({ example: '张伟' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName?: string;
}
