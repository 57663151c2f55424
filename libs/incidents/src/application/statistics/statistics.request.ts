import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsKnownJurisdiction } from '@app/shared/nest';
import { IsInstant } from '@app/shared/nest';
import { GROUP_BY, type GroupBy } from '../../read-models/incident-statistics/incident-statistics.queries';

export class StatisticsRequest {
  @ApiPropertyOptional({ example: '2026-01-01T00:00:00+08:00', description: '起（含），按事故发生时间' })
  @IsOptional()
  @IsInstant()
  from?: string;
  @ApiPropertyOptional({ example: '2027-01-01T00:00:00+08:00', description: '止（不含）' })
  @IsOptional()
  @IsInstant()
  to?: string;
  @ApiPropertyOptional({ description: '辖区代码（含下级辖区）' })
  @IsOptional()
  @IsKnownJurisdiction()
  jurisdiction?: string;
  @ApiPropertyOptional({ enum: GROUP_BY, default: 'month' }) @IsOptional() @IsIn(GROUP_BY) groupBy?: GroupBy;
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' }) @IsOptional() @IsIn(['json', 'csv']) format?:
    'json' | 'csv';
}

export class ComplianceRequest {
  @ApiPropertyOptional({ description: '时限起（含）' }) @IsOptional() @IsInstant() from?: string;
  @ApiPropertyOptional({ description: '时限止（不含）' }) @IsOptional() @IsInstant() to?: string;
  @ApiPropertyOptional({ description: '辖区代码（含下级辖区）' })
  @IsOptional()
  @IsKnownJurisdiction()
  jurisdiction?: string;
  @ApiPropertyOptional({ description: '演练编号；不填时只统计真实事故' }) @IsOptional() @IsUUID() drillId?: string;
}
