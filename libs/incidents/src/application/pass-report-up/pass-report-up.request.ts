import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsInstant } from '@app/shared/nest';
import { REPORT_LEVELS, type ReportLevel } from '../../domain/incident/reporting-deadlines';
import { RecipientRequest } from '../shared/incident-fields.request';

/** 上报: to which level, how, when it really happened, to whom, with what text, against which obligation. */
export class PassReportUpRequest {
  @ApiProperty({ enum: REPORT_LEVELS, description: '上报到：县级、设区的市级、省级、国务院应急管理部门' })
  @IsIn(REPORT_LEVELS, { message: 'toLevel 须为 county、city、province 或 national' })
  toLevel!: ReportLevel;

  @ApiProperty({ example: '电话', description: '上报方式（电话、传真、系统报送等）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  channel!: string;

  @ApiPropertyOptional({ description: '履行的报告义务编号（见 deadlines[].id）；不填则履行该层级及以下所有待报义务' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  obligationId?: string;

  @ApiPropertyOptional({
    description: '实际上报时间（如电话上报后补录）；默认当前时间，不得晚于当前时间、早于接报时间',
  })
  @IsOptional()
  @IsInstant()
  reportedAt?: string;

  @ApiPropertyOptional({ type: RecipientRequest, description: '接收单位和接收人' })
  @IsOptional()
  @ValidateNested()
  @Type(() => RecipientRequest)
  recipient?: RecipientRequest;

  @ApiPropertyOptional({ description: '报告正文' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20_000)
  text?: string;
}
