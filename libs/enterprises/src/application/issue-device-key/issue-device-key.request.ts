import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { ENTERPRISE_LIMITS } from '../../domain/enterprise/enterprise.types';

export class IssueDeviceKeyRequest {
  @ApiPropertyOptional({ example: '1 号罐区网关', description: '便于辨认的名称（如网关位置）' })
  @IsOptional()
  @IsString()
  @MaxLength(ENTERPRISE_LIMITS.keyLabel)
  label?: string;
}
