import { IsKnownJurisdiction } from '@app/shared/nest';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { ExpertSpecialty } from '../../contract';
import { EXPERT_SPECIALTIES } from '../../domain/expert/expert.types';

export class ListExpertsRequest {
  @ApiPropertyOptional({ enum: EXPERT_SPECIALTIES })
  @IsOptional()
  @IsIn(EXPERT_SPECIALTIES, { message: 'specialty 须为已知的专业领域' })
  specialty?: ExpertSpecialty;

  @ApiPropertyOptional({ description: '姓名、职称或工作单位的一部分' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: '辖区代码：含其下级辖区' })
  @IsOptional()
  @IsKnownJurisdiction()
  jurisdiction?: string;
}
