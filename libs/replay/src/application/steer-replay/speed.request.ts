import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, Max, Min } from 'class-validator';
import { MAX_SPEED, MIN_SPEED } from '../../domain/replay-timing';

export class SpeedRequest {
  @ApiProperty({ example: 50, minimum: MIN_SPEED, maximum: MAX_SPEED, description: '新的倍速 ×1–×100' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(MIN_SPEED)
  @Max(MAX_SPEED)
  speed!: number;
}
