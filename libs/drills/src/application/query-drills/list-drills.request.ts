import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsKnownJurisdiction } from '@app/shared/nest';
import { DRILL_STATUS_LABELS, type DrillStatus } from '../../domain/drill/drill.types';

export class ListDrillsRequest {
  @ApiPropertyOptional({ enum: Object.keys(DRILL_STATUS_LABELS) })
  @IsOptional()
  @IsIn(Object.keys(DRILL_STATUS_LABELS))
  status?: DrillStatus;
  @ApiPropertyOptional() @IsOptional() @IsKnownJurisdiction() jurisdiction?: string;
}
