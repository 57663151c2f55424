import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsInstant, IsKnownJurisdiction } from '@app/shared/nest';
import type { HiddenHazardGrade, HiddenHazardStatus } from '../../contract';
import { HIDDEN_HAZARD_GRADES } from '../../domain/hidden-hazard/hidden-hazard.types';

const STATUSES: readonly HiddenHazardStatus[] = ['rectifying', 'rectified', 'verified', 'closed'];

export class ListHiddenHazardsRequest {
  @ApiPropertyOptional({ enum: STATUSES, description: '整改中 / 已整改待验收 / 验收通过 / 已销号' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: HiddenHazardStatus;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true 只列整改逾期的；false 只列未逾期的' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ enum: HIDDEN_HAZARD_GRADES })
  @IsOptional()
  @IsIn(HIDDEN_HAZARD_GRADES)
  grade?: HiddenHazardGrade;

  @ApiPropertyOptional() @IsOptional() @IsUUID() enterpriseId?: string;

  @ApiPropertyOptional({ description: '辖区（含下级）' }) @IsOptional() @IsKnownJurisdiction() jurisdiction?: string;
}

export class HiddenHazardSummaryRequest {
  @ApiPropertyOptional({ enum: ['enterprise', 'jurisdiction'], default: 'enterprise' })
  @IsOptional()
  @IsIn(['enterprise', 'jurisdiction'])
  groupBy?: 'enterprise' | 'jurisdiction';

  @ApiPropertyOptional({ description: '发现时间起（含），带时区偏移' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ description: '发现时间止（不含），带时区偏移' })
  @IsOptional()
  @IsInstant()
  to?: string;

  @ApiPropertyOptional({ description: '辖区（含下级）；缺省为本人辖区' })
  @IsOptional()
  @IsKnownJurisdiction()
  jurisdiction?: string;
}
