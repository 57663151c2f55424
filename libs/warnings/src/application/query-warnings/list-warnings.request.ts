import { IsKnownJurisdiction } from '@app/shared/nest';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import {
  WARNING_LEVELS,
  WARNING_STATUSES,
  type WarningLevel,
  type WarningStatus,
} from '../../domain/warning/warning.types';

export class ListWarningsRequest {
  @ApiPropertyOptional({
    enum: WARNING_STATUSES,
    description: 'active 生效中（未解除且未过期）、lifted 已解除、expired 已过期',
  })
  @IsOptional()
  @IsIn(WARNING_STATUSES)
  status?: WarningStatus;

  @ApiPropertyOptional({ description: '辖区代码：含其下级辖区' })
  @IsOptional()
  @IsKnownJurisdiction()
  jurisdiction?: string;

  @ApiPropertyOptional({ enum: WARNING_LEVELS })
  @IsOptional()
  @IsIn(WARNING_LEVELS)
  level?: WarningLevel;

  @ApiPropertyOptional({ description: '演练编号：不填只列真实预警，填写则只列该演练的预警' })
  @IsOptional()
  @IsUUID()
  drillId?: string;
}
