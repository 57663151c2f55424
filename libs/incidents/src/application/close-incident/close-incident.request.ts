import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class CloseIncidentRequest {
  @ApiProperty({ description: '终报 / 处置总结' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  summary!: string;
}
