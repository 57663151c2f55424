import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { MAX_SPEED, MIN_SPEED } from '../../domain/replay-timing';

export class StartReplayRequest {
  @ApiPropertyOptional({ description: '回放一起事故' }) @IsOptional() @IsUUID() incidentId?: string;
  @ApiPropertyOptional({ description: '回放一次演练（其全部事故及演练自身的事件）' })
  @IsOptional()
  @IsUUID()
  drillId?: string;
  @ApiProperty({ example: 20, minimum: MIN_SPEED, maximum: MAX_SPEED, description: '倍速 ×1–×100' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(MIN_SPEED)
  @Max(MAX_SPEED)
  speed!: number;
}
