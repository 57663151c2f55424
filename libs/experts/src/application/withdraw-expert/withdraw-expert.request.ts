import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { EXPERT_LIMITS } from '../../domain/expert/expert.types';

export class WithdrawExpertRequest {
  @ApiPropertyOptional({ example: '本人申请退出（演示）', description: '退出原因' })
  @IsOptional()
  @IsString()
  @MaxLength(EXPERT_LIMITS.reason)
  reason?: string;
}
