import { IsKnownJurisdiction } from '@app/shared/nest';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { EnterpriseIndustry } from '../../contract';
import { ENTERPRISE_INDUSTRIES } from '../../domain/enterprise/enterprise.types';

export class ListEnterprisesRequest {
  @ApiPropertyOptional({ description: '辖区代码：含其下级辖区' })
  @IsOptional()
  @IsKnownJurisdiction()
  jurisdiction?: string;

  @ApiPropertyOptional({ enum: ENTERPRISE_INDUSTRIES })
  @IsOptional()
  @IsIn(ENTERPRISE_INDUSTRIES, { message: 'industry 须为已知的行业类别' })
  industry?: EnterpriseIndustry;

  @ApiPropertyOptional({ description: '名称、地址或统一社会信用代码的一部分' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
