import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { OFFERED_INCIDENT_CATEGORIES } from '@app/incidents';
import { IsKnownJurisdiction } from '@app/shared/nest';
import { PLAN_KINDS, PLAN_STATUS_LABELS } from '../../domain/plan/plan.types';

export class ListPlansRequest {
  @ApiPropertyOptional({ enum: Object.keys(PLAN_STATUS_LABELS) })
  @IsOptional()
  @IsIn(Object.keys(PLAN_STATUS_LABELS))
  status?: string;
  @ApiPropertyOptional({ enum: Object.keys(PLAN_KINDS) }) @IsOptional() @IsIn(Object.keys(PLAN_KINDS)) kind?: string;
  @ApiPropertyOptional({ enum: OFFERED_INCIDENT_CATEGORIES })
  @IsOptional()
  @IsIn(OFFERED_INCIDENT_CATEGORIES)
  category?: string;
  @ApiPropertyOptional() @IsOptional() @IsKnownJurisdiction() jurisdiction?: string;
}
