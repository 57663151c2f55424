import { IsKnownJurisdiction } from '@app/shared/nest';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { WARNING_LIMITS } from '../../domain/warning/warning.types';
import { WarningChangeableFields } from '../shared/warning-fields.request';
import { IsInstant } from '@app/shared/nest';
import { IsLaterThan } from '../shared/warning-validators';

/** 发布预警 (docs/domain.md rule 18): level, hazard, area, message, effective and expiry, channels. */
export class IssueWarningRequest extends WarningChangeableFields {
  @ApiProperty({ description: '灾种 / 风险类别', example: '危险化学品泄漏' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(WARNING_LIMITS.hazard)
  hazard!: string;

  @ApiProperty({ description: '辖区代码 (GB/T 2260)', example: '640500' })
  @IsKnownJurisdiction()
  jurisdiction!: string;

  @ApiProperty({ description: '生效时间 (ISO 8601，须带时区偏移)', example: '2026-11-22T14:00:00+08:00' })
  @IsInstant()
  effective!: string;

  @ApiProperty({ description: '失效时间，须晚于生效时间', example: '2026-11-23T14:00:00+08:00' })
  @IsInstant()
  @IsLaterThan('effective')
  expires!: string;

  @ApiPropertyOptional({ description: '演练编号：演练预警在 CAP 中为 status=Exercise，只推送到演练房间' })
  @IsOptional()
  @IsUUID()
  drillId?: string;

  @ApiPropertyOptional({ description: '关联事故编号' })
  @IsOptional()
  @IsUUID()
  incidentId?: string;
}
