import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { WARNING_LIMITS } from '../../domain/warning/warning.types';
import { WarningChangeableFields } from '../shared/warning-fields.request';
import { AtLeastOneOf, IsInstant } from '@app/shared/nest';

const CHANGEABLE = ['level', 'area', 'message', 'instruction', 'expires', 'channels'] as const;

/** 调整 (CAP Update): level, area, message, instruction, expiry or channels; the hazard and start stay as issued. */
@AtLeastOneOf(CHANGEABLE)
export class UpdateWarningRequest extends PartialType(WarningChangeableFields) {
  @ApiPropertyOptional({ description: '新的失效时间 (ISO 8601，须带时区偏移)，须晚于生效时间' })
  @IsOptional()
  @IsInstant()
  expires?: string;

  @ApiPropertyOptional({ description: '调整原因' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(WARNING_LIMITS.reason)
  reason?: string;
}
