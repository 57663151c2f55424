import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { RESPONSE_LEVELS, type ResponseLevel } from '@app/incidents';

export class ActivatePlanRequest {
  @ApiProperty() @IsUUID('all', { message: 'planId 须为预案编号（UUID）' }) planId!: string;
  @ApiPropertyOptional({ enum: RESPONSE_LEVELS, description: '同时确定的响应级别；不填则按事故当前响应级别' })
  @IsOptional()
  @IsIn(RESPONSE_LEVELS)
  level?: ResponseLevel;
  @ApiPropertyOptional({ example: '符合预案Ⅲ级响应条件：死亡 3 人' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason?: string;
}
