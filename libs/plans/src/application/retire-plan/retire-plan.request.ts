import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class RetirePlanRequest {
  @ApiPropertyOptional({ example: '被《中卫市生产安全事故应急预案（2026 年版）》替代' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason?: string;
}
