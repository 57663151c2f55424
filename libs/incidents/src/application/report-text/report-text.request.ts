import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { REPORT_TEXT_KINDS, type ReportTextKind } from './incident-report-text';

export class ReportTextRequest {
  @ApiPropertyOptional({ enum: REPORT_TEXT_KINDS, description: '快报 initial（默认）/ 续报 follow_up / 终报 final' })
  @IsOptional()
  @IsIn(REPORT_TEXT_KINDS, { message: 'kind 须为 initial（快报）、follow_up（续报）或 final（终报）' })
  kind?: ReportTextKind;
}
