import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsKnownJurisdiction } from '@app/shared/nest';
import { TARGET_YEARS } from '../../domain/target-document/target-document.types';

export class TargetsProgressRequest {
  @ApiPropertyOptional({ description: '辖区代码（含下级辖区），缺省为本人所属辖区' })
  @IsOptional()
  @IsKnownJurisdiction()
  jurisdiction?: string;

  @ApiPropertyOptional({ description: '考核年度，缺省为辖区时区的今年' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(TARGET_YEARS.min)
  @Max(TARGET_YEARS.max)
  year?: number;
}
