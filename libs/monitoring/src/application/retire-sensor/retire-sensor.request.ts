import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

export class RetireSensorRequest {
  @ApiProperty({ example: '传感器拆除更换' })
  @IsString({ message: '须说明停用原因（reason）' })
  @Matches(/\S/, { message: '须说明停用原因（reason）' })
  @MaxLength(500)
  reason!: string;
}
