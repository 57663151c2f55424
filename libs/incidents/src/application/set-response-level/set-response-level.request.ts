import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { RESPONSE_LEVELS, type ResponseLevel } from '../../domain/incident/incident.types';

export class SetResponseLevelRequest {
  @ApiProperty({ enum: RESPONSE_LEVELS, description: '响应级别（Ⅰ级最高）' })
  @IsIn(RESPONSE_LEVELS, { message: 'level 须为 I、II、III 或 IV' })
  level!: ResponseLevel;

  @ApiProperty({ description: '决定理由（响应分级不得简单套用事故分级）', example: '泄漏扩大，周边 500 米内有居民区' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
