import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { REPORT_LEVELS, type ReportLevel } from '../../domain/incident/reporting-deadlines';

export class PassReportUpRequest {
  @ApiProperty({ enum: REPORT_LEVELS, description: '上报到：县级、设区的市级、省级、国务院' })
  @IsIn(REPORT_LEVELS, { message: 'toLevel 须为 county、city、province 或 national' })
  toLevel!: ReportLevel;

  @ApiProperty({ example: '电话', description: '上报方式（电话、传真、系统报送等）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  channel!: string;
}
