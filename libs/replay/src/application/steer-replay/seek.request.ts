import { ApiProperty } from '@nestjs/swagger';
import { IsInstant } from '@app/shared/nest';

export class SeekRequest {
  @ApiProperty({ example: '2026-11-22T13:40:00+08:00', description: '跳转到的时刻，须在回放记录的时间范围内' })
  @IsInstant()
  at!: string;
}
