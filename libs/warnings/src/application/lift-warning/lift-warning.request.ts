import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { WARNING_LIMITS } from '../../domain/warning/warning.types';

/** 解除 (CAP Cancel). */
export class LiftWarningRequest {
  @ApiProperty({ description: '解除原因', example: '泄漏已封堵，监测数据恢复正常' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(WARNING_LIMITS.reason)
  reason!: string;
}
