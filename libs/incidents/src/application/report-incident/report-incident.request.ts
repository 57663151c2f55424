import { IsKnownJurisdiction } from '@app/shared/nest';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { OFFERED_INCIDENT_CATEGORIES } from '../../domain/incident/incident.types';
import { IsInstant } from '@app/shared/nest';
import { CasualtiesRequest, LocationRequest, ReporterRequest } from '../shared/incident-fields.request';

export const MAX_LOSS_YUAN = Number.MAX_SAFE_INTEGER;

/** 接报 (docs/domain.md rule 7): the unit, time and place, what happened, casualties and loss, who reported. */
export class ReportIncidentRequest {
  @ApiProperty({ description: '事故简称', example: '中卫工业园区某化工企业储罐泄漏' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ enum: OFFERED_INCIDENT_CATEGORIES, description: '事故类别（煤矿、非煤矿山分列）' })
  @IsIn(OFFERED_INCIDENT_CATEGORIES)
  category!: string;

  @ApiProperty({ description: '发生时间 (ISO 8601，须带时区偏移)', example: '2026-11-22T13:40:00+08:00' })
  @IsInstant()
  occurredAt!: string;

  @ApiProperty({ type: LocationRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => LocationRequest)
  location!: LocationRequest;

  @ApiProperty({ description: '辖区代码 (GB/T 2260)', example: '640571' })
  @IsKnownJurisdiction()
  jurisdiction!: string;

  @ApiPropertyOptional({ description: '事故单位（未登记的单位填写名称）' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  enterprise?: string;

  @ApiPropertyOptional({
    description: '已登记企业的编号：须在事故所属辖区或其下级辖区；事故单位名称取其登记名称',
  })
  @IsOptional()
  @IsUUID()
  enterpriseId?: string;

  @ApiProperty({ type: ReporterRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => ReporterRequest)
  reporter!: ReporterRequest;

  @ApiProperty({ type: CasualtiesRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => CasualtiesRequest)
  casualties!: CasualtiesRequest;

  @ApiPropertyOptional({ description: '直接经济损失（元）', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_LOSS_YUAN)
  directLossYuan?: number;

  @ApiProperty({ description: '事故简要经过' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  description!: string;

  @ApiPropertyOptional({
    description: '接报时间（默认为当前时间；不得晚于当前时间；早于当前 10 分钟以上须填写 receivedAtReason）',
    example: '2026-11-22T14:05:00+08:00',
  })
  @IsOptional()
  @IsInstant()
  receivedAt?: string;

  @ApiPropertyOptional({ description: '接报时间补录原因（如：电话接报后补录）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  receivedAtReason?: string;

  @ApiPropertyOptional({ description: '事故单位负责人获知事故的时间（条例493 第九条：1小时内报告）' })
  @IsOptional()
  @IsInstant()
  unitLearnedAt?: string;

  @ApiPropertyOptional({ description: '事故单位报告的时间' })
  @IsOptional()
  @IsInstant()
  unitReportedAt?: string;

  @ApiPropertyOptional({ description: '已经采取的措施（条例493 第十二条第五项）' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  measures?: string;

  @ApiPropertyOptional({ description: '演练编号：演练数据不计入真实统计、时限和库存' })
  @IsOptional()
  @IsUUID()
  drillId?: string;
}
