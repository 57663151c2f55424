import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsInstant } from '@app/shared/nest';

export class VerifyHiddenHazardRequest {
  @ApiProperty({ description: 'true 验收通过；false 验收不通过，退回整改' })
  @IsBoolean()
  passed!: boolean;

  @ApiProperty({ example: '现场复核：报警器测试正常，验收通过' })
  @IsString()
  @Matches(/\S/, { message: '须写明验收意见（note）' })
  @MaxLength(4000)
  note!: string;

  @ApiPropertyOptional({
    example: '2026-12-30T18:00:00+08:00',
    description: '验收不通过时可设定新的整改期限（带时区偏移），须晚于当前时间；不填则沿用原期限',
  })
  @IsOptional()
  @IsInstant()
  deadline?: string;
}
