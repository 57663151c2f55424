import { ApiProperty } from '@nestjs/swagger';
import { IsInstant } from '@app/shared/nest';

export class StateAtRequest {
  @ApiProperty({ example: '2026-11-22T13:40:00+08:00', description: '时刻（带时区偏移）' }) @IsInstant() at!: string;
}
